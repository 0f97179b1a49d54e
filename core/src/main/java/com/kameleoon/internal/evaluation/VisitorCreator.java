package com.kameleoon.internal.evaluation;

import com.kameleoon.internal.visitor.Visitor;

/**
 * Creates a visitor who does not exist yet, for an evaluation that must save an assignment. The caller of
 * {@link FlagEvaluator} supplies it so that the evaluator reaches no store; a creator is bound once per client, never
 * per call, to keep the evaluation free of allocations.
 */
@FunctionalInterface
public interface VisitorCreator {
    /**
     * @param visitorCode the code
     * @return the visitor of that code, created when unknown; never null, the same object for concurrent callers
     */
    Visitor create(String visitorCode);
}
