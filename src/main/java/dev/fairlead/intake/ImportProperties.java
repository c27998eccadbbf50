package dev.fairlead.intake;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where uploads wait ({@code FAIRLEAD_IMPORT_DIR}; shared storage when several nodes run) and how many rows commit together. */
@ConfigurationProperties("fairlead.intake.import")
public record ImportProperties(Path directory, int chunkSize) {

    public ImportProperties {
        directory = directory == null ? Path.of("data", "imports") : directory;
        chunkSize = chunkSize <= 0 ? 200 : Math.min(chunkSize, 5000);
    }
}
