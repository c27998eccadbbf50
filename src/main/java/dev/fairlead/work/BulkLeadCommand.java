package dev.fairlead.work;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * One action on many leads: {@code repId} for {@link BulkLeadAction#ASSIGN}, {@code reason} for assign,
 * release and close, {@code title} (and optionally {@code dueAt}) for {@link BulkLeadAction#ADD_TASK}.
 * At most {@value BulkActions#MAX_IDS} ids.
 */
public record BulkLeadCommand(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) BulkLeadAction action, List<Long> ids, Long repId, String reason, String title, Instant dueAt) {

    public BulkLeadCommand {
        ids = ids == null ? List.of() : ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        reason = reason == null || reason.isBlank() ? null : reason.strip();
        title = title == null || title.isBlank() ? null : title.strip();
    }
}
