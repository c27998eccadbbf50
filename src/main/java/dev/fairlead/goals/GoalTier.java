package dev.fairlead.goals;

/** The highest tier the actual has reached. */
public enum GoalTier { NONE, BASE, TARGET, STRETCH }
