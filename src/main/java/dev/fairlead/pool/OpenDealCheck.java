package dev.fairlead.pool;

import java.util.Collection;
import java.util.Set;

/**
 * Port for the deals module: which leads have an open deal, so recovery leaves them alone (and the
 * "no deal within M days" rule does not fire). Until a bean of this type exists, recovery treats a
 * lead whose status is QUALIFIED (an opportunity is being worked) as having an open deal; converted
 * and lost leads are closed and never recovered.
 */
public interface OpenDealCheck {

    /** The leads among {@code leadIds} with at least one open deal. */
    Set<Long> leadsWithOpenDeal(Collection<Long> leadIds);
}
