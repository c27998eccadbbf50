package dev.fairlead.goals;

/** Where a goal stands against linear pace; ordered from most to least urgent. */
public enum GoalStatus { OFF_TRACK, AT_RISK, ON_TRACK, NOT_STARTED }
