package dev.fairlead.credit;

import java.math.BigDecimal;

/** One rep's share of a result: percent and money (negative on a reversing entry). */
public record CreditShare(long repId, String repName, long teamId, BigDecimal percent, BigDecimal amount) {}
