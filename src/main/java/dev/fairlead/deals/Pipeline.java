package dev.fairlead.deals;

import java.util.List;
import java.util.Optional;

/**
 * The open stages a team's deals move through, in order, then won or lost. {@code ownerTeamId} is
 * the team whose configuration this is (null: the company default); {@code inherited} is true
 * when the team asked about has none of its own.
 */
public record Pipeline(Long ownerTeamId, boolean inherited, List<DealStage> stages) {

    public Optional<DealStage> stage(String code) {
        return stages.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public DealStage first() {
        return stages.get(0);
    }

    public boolean knows(String code) {
        return DealStage.WON.equals(code) || DealStage.LOST.equals(code) || stage(code).isPresent();
    }

    public int position(String code) {
        if (DealStage.WON.equals(code)) {
            return DealStage.WON_POSITION;
        }
        if (DealStage.LOST.equals(code)) {
            return DealStage.LOST_POSITION;
        }
        return stage(code).map(DealStage::position).orElse(1);
    }

    public int defaultProbability(String code) {
        if (DealStage.WON.equals(code)) {
            return 100;
        }
        if (DealStage.LOST.equals(code)) {
            return 0;
        }
        return stage(code).map(DealStage::probability).orElse(0);
    }
}
