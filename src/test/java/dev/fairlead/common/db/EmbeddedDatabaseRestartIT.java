package dev.fairlead.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.FairleadApplication;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamCommand;
import dev.fairlead.org.TeamKind;
import dev.fairlead.org.TeamService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fairlead started the way a user starts it, twice on the same data folder. */
class EmbeddedDatabaseRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void keepsItsDataAcrossRestartsAndLoadsTheDemoOnlyOnce() {
        Map<String, Long> afterFirstRun;
        try (ConfigurableApplicationContext app = start()) {
            assertThat(counts(app)).containsEntry("team", 7L).containsEntry("rep", 30L).containsEntry("app_user", 6L);
            Team region = app.getBean(TeamService.class).list(Viewer.system(), false).stream()
                    .filter(t -> t.kind() == TeamKind.REGION).findFirst().orElseThrow();
            app.getBean(TeamService.class).create(Viewer.system(), new TeamCommand("成都组 Chengdu", TeamKind.TEAM, region.id(), null));
            afterFirstRun = counts(app);
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();

        try (ConfigurableApplicationContext app = start()) {
            assertThat(counts(app)).isEqualTo(afterFirstRun).containsEntry("team", 8L);
            assertThat(app.getBean(TeamService.class).list(Viewer.system(), false)).extracting(Team::name).contains("成都组 Chengdu");
        }
    }

    /** Settings as command-line arguments, which (unlike builder defaults) win over application.yml. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FairleadApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("excludeTestConfigurations", new ExcludeTestConfigurations()))
                .run(
                        "--fairlead.embedded-db.enabled=true",
                        "--fairlead.embedded-db.data-dir=" + dataDir.toAbsolutePath(),
                        "--fairlead.embedded-db.port=0",
                        "--spring.datasource.url=",
                        "--fairlead.demo-data.enabled=true",
                        "--fairlead.initial-admin-password=",
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--logging.file.name=target/test-logs/fairlead-restart.log");
    }

    private static Map<String, Long> counts(ConfigurableApplicationContext app) {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        return List.of("team", "rep", "rep_absence", "app_user", "audit_event").stream()
                .collect(Collectors.toMap(Function.identity(),
                        table -> jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()));
    }

    /** Keeps the test classpath's configurations (such as the per-test database) out of the real application. */
    static final class ExcludeTestConfigurations extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ExcludeTestConfigurations;
        }

        @Override
        public int hashCode() {
            return ExcludeTestConfigurations.class.hashCode();
        }
    }

}
