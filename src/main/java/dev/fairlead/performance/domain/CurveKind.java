package dev.fairlead.performance.domain;

/**
 * How attainment (actual over target) turns into a share of a dimension's weight: {@code LINEAR}
 * pays the attainment itself up to a cap (e.g. 120% of the weight at 120%), {@code STEPS} pays the
 * share of the highest threshold reached and nothing below the first.
 */
public enum CurveKind {
    LINEAR, STEPS
}
