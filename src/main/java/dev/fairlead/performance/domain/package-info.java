/**
 * The scorecard maths: plain Java from (scheme dimensions, targets, actuals) to points, the gate,
 * the total and the next-threshold hints. No Spring, no SQL, no clock: the same code scores a live
 * period, replays a frozen one and simulates a draft scheme on last period's figures.
 */
package dev.fairlead.performance.domain;
