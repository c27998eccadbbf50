package dev.fairlead;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final Path DOCS = Path.of("docs/modules");
    private static final ApplicationModules modules = ApplicationModules.of(FairleadApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        modules.verify();
    }

    @Test
    void everyCapabilityIsAModule() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString())).contains("org", "audit", "common");
    }

    /** Keeps the module diagrams (C4 / PlantUML) and module canvases in docs/modules up to date. */
    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml();
        sortRelations();

        assertThat(DOCS.resolve("components.puml")).exists().content().contains("Rel(");
        assertThat(DOCS.resolve("module-org.puml")).exists();
        assertThat(DOCS.resolve("module-audit.adoc")).exists();
    }

    /** The generator lists relations in no fixed order; sorted, the files change only when the modules do. */
    private static void sortRelations() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                List<String> sorted = new ArrayList<>();
                List<String> relations = new ArrayList<>();
                for (String line : lines) {
                    if (line.startsWith("Rel(")) {
                        relations.add(line);
                        continue;
                    }
                    relations.sort(null);
                    sorted.addAll(relations);
                    relations.clear();
                    sorted.add(line);
                }
                relations.sort(null);
                sorted.addAll(relations);
                Files.write(file, sorted, StandardCharsets.UTF_8);
            }
        }
    }
}
