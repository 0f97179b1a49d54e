package com.kameleoon.data;

import java.util.List;

/**
 * A conversion of a goal. Conversions are appended (a visitor may convert many times).
 *
 * @param goalId the goal id from the Kameleoon app
 * @param revenue the revenue, 0 when none
 * @param negative true to cancel a previous conversion's revenue
 * @param metadata custom data sent with the conversion, may be null
 */
public record Conversion(int goalId, double revenue, boolean negative, List<CustomData> metadata) implements Data {
    /** Copies the metadata. */
    public Conversion {
        metadata = metadata == null ? null : List.copyOf(metadata);
    }

    /**
     * A conversion without revenue.
     *
     * @param goalId the goal id
     */
    public Conversion(int goalId) {
        this(goalId, 0, false, null);
    }

    /**
     * A conversion with revenue.
     *
     * @param goalId the goal id
     * @param revenue the revenue
     */
    public Conversion(int goalId, double revenue) {
        this(goalId, revenue, false, null);
    }

    /**
     * A conversion with revenue, maybe negative.
     *
     * @param goalId the goal id
     * @param revenue the revenue
     * @param negative true to cancel revenue
     */
    public Conversion(int goalId, double revenue, boolean negative) {
        this(goalId, revenue, negative, null);
    }

    /**
     * A conversion with a {@code float} revenue, the official SDK's type, kept as written ({@code 49.9f} is
     * {@code 49.9}, not the {@code 49.900001525879} a widening to {@code double} gives).
     *
     * @param goalId the goal id
     * @param revenue the revenue
     * @param negative true to cancel revenue
     */
    public Conversion(int goalId, float revenue, boolean negative) {
        this(goalId, decimal(revenue), negative, null);
    }

    /**
     * The {@code double} whose shortest decimal form is the {@code float}'s: what a user wrote as {@code 49.9f}.
     *
     * @param value the float
     * @return the same decimal as a double
     */
    public static double decimal(float value) {
        return Float.isFinite(value) ? Double.parseDouble(Float.toString(value)) : value;
    }

    /** @return the goal id */
    public int getGoalId() {
        return goalId;
    }

    /** @return the revenue */
    public double getRevenue() {
        return revenue;
    }

    /** @return true for a negative conversion */
    public boolean isNegative() {
        return negative;
    }

    /** @return the metadata, may be null */
    public List<CustomData> getMetadata() {
        return metadata;
    }
}
