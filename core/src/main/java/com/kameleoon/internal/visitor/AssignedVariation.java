package com.kameleoon.internal.visitor;

/**
 * A variation saved for a visitor: what targeting conditions and the engine tracking code read, and what
 * an {@code experiment} tracking line reports.
 *
 * @param experimentId the rule's experiment id
 * @param variationId the variation id inside that experiment
 * @param ruleType the kind of rule that assigned it
 * @param assignmentTime when, in epoch milliseconds
 */
public record AssignedVariation(int experimentId, int variationId, RuleType ruleType, long assignmentTime) {
}
