package dev.fairlead.performance;

import java.time.Instant;
import java.time.LocalDate;

/** A check-in of a plan: the day it was held, how the rep stands and what was said. */
public record PipCheckIn(long id, LocalDate onDate, PipProgress progress, String note, String recordedBy, Instant recordedAt) {}
