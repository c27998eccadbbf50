package dev.fairlead.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A full Fairlead on a random port over a fresh PostgreSQL database (see {@link TestDatabase});
 * demo data off, so each test builds exactly the organisation it talks about. Test classes with
 * the same annotations share one context and so one database: fixtures make unique names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"fairlead.demo-data.enabled=false", "fairlead.embedded-db.enabled=false", "logging.file.name=target/test-logs/fairlead.log", "server.shutdown=immediate",
                "fairlead.security.max-failures-per-client=200"})
@Import({FreshDatabaseConfiguration.class, TestClockConfiguration.class, Api.class, OrgFixtures.class, ConfirmedResults.class})
public @interface IntegrationTest {}
