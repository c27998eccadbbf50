package dev.fairlead.leads;

/** Where the lead stands in the sales process; ownership (rep or pool) is separate. */
public enum LeadStatus {
    NEW, CONTACTED, QUALIFIED, CONVERTED, LOST;

    /** Converted and lost leads no longer count towards a rep's open leads. */
    public boolean isOpen() {
        return this != CONVERTED && this != LOST;
    }
}
