package dev.fairlead.deals;

import dev.fairlead.common.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A deal (opportunity) as everyone reads it. {@code stage} is an open stage code of the owner
 * team's pipeline, or {@link DealStage#WON} / {@link DealStage#LOST}. A won deal is revenue on {@code wonOn}.
 */
public record Deal(
        long id,
        String name,
        Long leadId,
        Long customerId,
        String customerName,
        long ownerRepId,
        String ownerName,
        long ownerTeamId,
        String source,
        Money amount,
        String stage,
        int probability,
        LocalDate expectedClose,
        String lostReason,
        LocalDate wonOn,
        Instant createdAt,
        Instant stageEnteredAt,
        Instant closedAt,
        int version) {

    public boolean open() {
        return !won() && !lost();
    }

    public boolean won() {
        return DealStage.WON.equals(stage);
    }

    public boolean lost() {
        return DealStage.LOST.equals(stage);
    }

    /** Amount times probability: what the deal is worth to a forecast today. */
    public Money weighted() {
        return amount.times(BigDecimal.valueOf(probability).movePointLeft(2));
    }
}
