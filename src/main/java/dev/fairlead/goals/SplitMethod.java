package dev.fairlead.goals;

/**
 * How a split weighs the children. Down the organisation: EQUAL, WEIGHTS (entered), LAST_PERIOD_SHARE
 * (each child's actual in the previous period), TERRITORY_POTENTIAL. Down the calendar: EQUAL,
 * WEIGHTS, WORKING_DAYS, SEASONALITY (a curve entered, or last year's monthly actuals).
 */
public enum SplitMethod {
    EQUAL, WEIGHTS, LAST_PERIOD_SHARE, TERRITORY_POTENTIAL, WORKING_DAYS, SEASONALITY;

    public boolean fits(SplitAxis axis) {
        return switch (this) {
            case EQUAL, WEIGHTS -> true;
            case LAST_PERIOD_SHARE, TERRITORY_POTENTIAL -> axis == SplitAxis.ORG;
            case WORKING_DAYS, SEASONALITY -> axis == SplitAxis.CALENDAR;
        };
    }
}
