package dev.fairlead.credit;

import dev.fairlead.credit.domain.SplitPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A result as the owner submits it: the split by {@code policy} ({@code OWNER} by default; a helper
 * for {@code CROSS_REGION} and {@code HELPER_FIXED}; {@code shares} for {@code MANUAL}), the amount
 * and won date (the deal's by default) and a note on the evidence (contract, invoice, payment).
 */
public record CreditCommand(
        SplitPolicy policy,
        Long helperRepId,
        @Size(max = 20) List<@Valid Share> shares,
        @DecimalMin(value = "0.01") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        LocalDate wonOn,
        @Size(max = 2000) String evidence) {

    // a rep's share in percent, up to two decimals.
    public record Share(@NotNull Long repId, @NotNull BigDecimal percent) {}

    public SplitPolicy policyOrDefault() {
        return policy == null ? SplitPolicy.OWNER : policy;
    }
}
