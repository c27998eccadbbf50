package dev.fairlead.insights;

import dev.fairlead.common.PeriodKind;
import java.time.LocalDate;

/**
 * A report made now: the team (null: a manager's own team; for directors and admins, the company), WEEK or
 * MONTH (default), the period containing {@code on} (default: the period before today's, the last complete
 * one) and the language ({@code en} or {@code zh-CN}; default the caller's).
 */
public record GenerateReportCommand(Long teamId, PeriodKind kind, LocalDate on, String locale) {}
