package dev.fairlead.credit.domain;

/** What is wrong with a split, as a message key for one input field. */
public record SplitProblem(String field, String code, Object... args) {}
