package dev.fairlead.performance.domain;

/** What a scorecard dimension measures over a period, and in what unit its actual, base, target and stretch are given. */
public enum Metric {
    /** Revenue of deals won in the period (see decision 0501: won-deal revenue until credit confirmation exists). */
    REVENUE(Unit.MONEY),
    DEALS_WON(Unit.COUNT),
    NEW_CUSTOMERS(Unit.COUNT),
    /** Won among deals closed (won or lost) in the period, in percent. */
    WIN_RATE(Unit.PERCENT),
    FOLLOW_UPS(Unit.COUNT),
    /** Follow-ups of kind visit. */
    VISITS(Unit.COUNT),
    /** First-contact SLA timers met among those decided (met or breached) that started in the period, in percent. */
    SLA_KEPT(Unit.PERCENT),
    /** Tasks done by their due time among those due in the period (and due or done by now), in percent. */
    TASKS_ON_TIME(Unit.PERCENT),
    /** Mean attainment of the rep's goals for exactly this period, in percent. */
    GOAL_ATTAINMENT(Unit.PERCENT),
    /** Mean rating (1–5) of the customer satisfaction surveys answered in the period about the rep's deals and visits. */
    SATISFACTION(Unit.RATING);

    public enum Unit {
        MONEY(2), COUNT(0), PERCENT(1), RATING(1);

        private final int scale;

        Unit(int scale) {
            this.scale = scale;
        }

        /** Decimal places actuals and targets are kept to: cents, whole counts, tenths of a percent, tenths of a star (1–5). */
        public int scale() {
            return scale;
        }
    }

    private final Unit unit;

    Metric(Unit unit) {
        this.unit = unit;
    }

    public Unit unit() {
        return unit;
    }
}
