package dev.fairlead.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackTokensTests {

    @TempDir Path dir;

    @Test
    void aTokenIsStablePerCycleAndRepAndTellsNeitherApart() {
        FeedbackTokens tokens = new FeedbackTokens("a secret for the test", "unused");
        assertThat(tokens.token(7, 42)).matches("[0-9a-f]{64}").isEqualTo(tokens.token(7, 42));
        assertThat(tokens.token(7, 42)).isNotEqualTo(tokens.token(8, 42)).isNotEqualTo(tokens.token(7, 43));
        assertThat(new FeedbackTokens("another secret", "unused").token(7, 42)).isNotEqualTo(tokens.token(7, 42));
    }

    @Test
    void withoutAConfiguredSecretOneIsMadeOnceInTheFileAndKept() throws Exception {
        Path file = dir.resolve("secrets/feedback-secret");
        String first = new FeedbackTokens("", file.toString()).token(1, 2);
        assertThat(file).exists();
        assertThat(Files.readString(file).trim()).matches("[0-9a-f]{64}");
        assertThat(new FeedbackTokens("", file.toString()).token(1, 2)).isEqualTo(first);
        try (var left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("feedback-secret");
        }
    }
}
