package dev.fairlead.intake;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where uploads wait ({@code FAIRLEAD_IMPORT_DIR}; shared storage when several nodes run), how many
 * rows commit together, and how long a running import may go without a committed chunk before
 * another node takes it over (its node is then presumed dead; a chunk commits in well under a second).
 */
@ConfigurationProperties("fairlead.intake.import")
public record ImportProperties(Path directory, int chunkSize, Duration staleAfter) {

    public ImportProperties {
        directory = directory == null ? Path.of("data", "imports") : directory;
        chunkSize = chunkSize <= 0 ? 200 : Math.min(chunkSize, 5000);
        staleAfter = staleAfter == null || staleAfter.isNegative() || staleAfter.isZero() ? Duration.ofMinutes(2) : staleAfter;
    }
}
