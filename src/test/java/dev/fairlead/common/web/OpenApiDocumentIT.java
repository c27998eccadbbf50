package dev.fairlead.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.support.Api;
import dev.fairlead.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The OpenAPI document committed in {@code docs/openapi.json} (from which the build generates the Java
 * client that {@code GeneratedClientIT} drives) is the one the application serves at {@code /v3/api-docs}.
 * After changing the API, refresh it with
 * {@code ./mvnw verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=OpenApiDocumentIT -Dfairlead.openapi.write=true}.
 */
@IntegrationTest
class OpenApiDocumentIT {

    static final Path COMMITTED = Path.of("docs/openapi.json");
    static final String REFRESH = "./mvnw verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false "
            + "-Dit.test=OpenApiDocumentIT -Dfairlead.openapi.write=true";

    @Autowired Api api;

    @Test
    void theCommittedDocumentIsTheOneTheApplicationServes() throws IOException {
        String served = OpenApiDocuments.normalised(api.anonymous().get("/v3/api-docs").tree());
        if (Boolean.getBoolean("fairlead.openapi.write")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED)).as(COMMITTED + " is missing; write it with " + REFRESH).isTrue();
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        assertThat(committed)
                .as("/v3/api-docs differs from " + COMMITTED + " (the generated client is built from it). "
                        + "If the API change is intended, refresh the file with " + REFRESH + " and commit it")
                .isEqualTo(served);
    }
}
