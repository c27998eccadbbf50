package dev.fairlead.scoring;

import java.time.Instant;

/**
 * One training run of the predictive model: how many closed leads it learned from, and its accuracy
 * on the held-out newest fifth of them. {@code sufficient} false: too little history, the rule score stands.
 */
public record ModelReport(long id, Instant trainedAt, String trigger, int closedLeads, int won, int lost, int trainSize,
        int testSize, int minimum, boolean sufficient, Double auc, Double logLoss) {}
