package com.kameleoon.internal.visitor;

/** Kind of a datafile rule; the code is what assignments store and tracking may need. */
public enum RuleType {
    /** An A/B experiment: consent may block it. */
    EXPERIMENTATION(0),
    /** A targeted delivery (rollout): never blocked by consent, stops the rule loop outside its exposition. */
    TARGETED_DELIVERY(1),
    /** Any other value: evaluated like an experiment, without the consent check or the delivery stop. */
    UNKNOWN(-1);

    private final int code;

    RuleType(int code) {
        this.code = code;
    }

    /** @return 0, 1 or -1 */
    public int code() {
        return code;
    }

    /**
     * Maps the datafile's {@code type} text.
     *
     * @param text the value, may be null
     * @return the type
     */
    public static RuleType fromText(String text) {
        if ("EXPERIMENTATION".equals(text)) {
            return EXPERIMENTATION;
        }
        if ("TARGETED_DELIVERY".equals(text)) {
            return TARGETED_DELIVERY;
        }
        return UNKNOWN;
    }
}
