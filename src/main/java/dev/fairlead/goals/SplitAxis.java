package dev.fairlead.goals;

/** A goal is split down the organisation (to sub-teams and reps) or down the calendar (to shorter periods). */
public enum SplitAxis { ORG, CALENDAR }
