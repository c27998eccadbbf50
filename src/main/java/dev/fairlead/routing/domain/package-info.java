/**
 * The assignment engine: plain Java from (lead facts, rep states, rule set, time) to a decision and
 * its explanation, shared by live routing and the backtest. Exposed as the named interface
 * {@code engine} because routing's public commands ({@code RuleDefinition}, {@code RuleCondition})
 * are written in its vocabulary (fields, operators, strategies, periods); see decision 0009.
 */
@org.springframework.modulith.NamedInterface("engine")
package dev.fairlead.routing.domain;
