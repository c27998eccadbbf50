package dev.fairlead.deals;

import dev.fairlead.common.Money;
import java.time.Instant;
import java.time.LocalDate;

/** A deal was won: {@code revenue} counts on {@code wonOn} for its owner. */
public record DealWon(long dealId, Long leadId, Long customerId, long repId, long teamId, Money revenue, LocalDate wonOn, Instant at) {}
