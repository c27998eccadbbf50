package dev.fairlead.credit.domain;

import java.math.BigDecimal;

/** A rep and their share of a result, in percent (up to two decimals). */
public record ShareRequest(long repId, BigDecimal percent) {}
