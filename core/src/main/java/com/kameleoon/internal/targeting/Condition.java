package com.kameleoon.internal.targeting;

/**
 * One targeting condition of a segment, already parsed from the datafile. Implementations are immutable
 * and thread-safe; {@link #check(TargetingContext)} returns the raw result, before {@code isInclude} is
 * applied by the enclosing {@link ConditionLeaf}. A condition never throws: missing or unusable data is a
 * no-match.
 */
public interface Condition {
    /**
     * Checks the condition against the visitor of the context.
     *
     * @param context the visitor, the method's visitor code, the current experiment and the configuration
     * @return true when the condition holds
     */
    boolean check(TargetingContext context);
}
