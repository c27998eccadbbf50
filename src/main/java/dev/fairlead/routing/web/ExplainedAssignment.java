package dev.fairlead.routing.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.fairlead.routing.AssignmentRecord;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An assignment as the API shows it: every field of the record, plus its explanation in one line in the
 * reader's language (Accept-Language), as the lead page shows it above the full trace.
 */
record ExplainedAssignment(
        @JsonUnwrapped AssignmentRecord assignment,
        @Schema(description = "The explanation at a glance, in the reader's language: who got the lead and why, and how many"
                + " others were left out for each reason, e.g. \"李娜: in territory, fewest points (12.5); not the others:"
                + " 24 outside territory, 3 at today's cap\". For a manual assignment, the rep and the manager's reason.",
                example = "李娜：在负责区域内，积分最少（12.5）；其他人未选中：24 人不在区域内，3 人已达今日上限")
        String summary) {}
