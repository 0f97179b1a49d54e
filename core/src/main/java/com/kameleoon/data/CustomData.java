package com.kameleoon.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A custom-data value list, identified by its index or by its name in the datafile's {@code customData}.
 * One per index per visitor: a new one replaces the previous. Data created by name is resolved to an
 * index through the loaded datafile when it is added (unknown names are dropped with an error log).
 * {@link #withOverwrite(boolean)} only tells the Data API how to merge values; local storage always replaces.
 */
public final class CustomData implements Data {
    /** Index value of a custom data created by name and not yet resolved. */
    public static final int NO_INDEX = -1;

    private final int index;
    private final String name;
    private final List<String> values;
    private final boolean overwrite;

    /**
     * Custom data by index.
     *
     * @param index the custom-data index (not its id), zero or more
     * @param values the values; null elements are rejected, a null array means no value
     */
    public CustomData(int index, String... values) {
        this(index, null, copy(values), true);
        if (index < 0) {
            throw new IllegalArgumentException("CustomData index must be >= 0, was " + index);
        }
    }

    /**
     * Custom data by index with values from a collection (the official SDK's form).
     *
     * @param index the custom-data index (not its id), zero or more
     * @param values the values; null elements are rejected, a null collection means no value
     */
    public CustomData(int index, Collection<String> values) {
        this(index, values == null ? null : values.toArray(new String[0]));
    }

    /**
     * Custom data by name, resolved to an index through the datafile when added.
     *
     * @param name the custom-data name, not null
     * @param values the values; null elements are rejected
     */
    public CustomData(String name, String... values) {
        this(NO_INDEX, Arguments.nonNull(name, "CustomData name must not be null"), copy(values), true);
    }

    private CustomData(int index, String name, List<String> values, boolean overwrite) {
        this.index = index;
        this.name = name;
        this.values = values;
        this.overwrite = overwrite;
    }

    private static List<String> copy(String[] values) {
        if (values == null || values.length == 0) {
            return List.of();
        }
        List<String> list = new ArrayList<>(values.length);
        for (String value : values) {
            list.add(Arguments.nonNull(value, "CustomData values must not contain null"));
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * Returns a copy with another merge mode for the Data API.
     *
     * @param overwrite true (default) to replace the values server-side, false to add to them
     * @return the copy
     */
    public CustomData withOverwrite(boolean overwrite) {
        return new CustomData(index, name, values, overwrite);
    }

    /**
     * Returns a copy bound to an index, keeping values and merge mode (used when a name is resolved).
     *
     * @param newIndex the index
     * @return the copy
     */
    public CustomData withIndex(int newIndex) {
        return new CustomData(newIndex, name, values, overwrite);
    }

    /** @return the index, or {@link #NO_INDEX} when created by name and not yet resolved */
    public int getIndex() {
        return index;
    }

    /**
     * The official SDK's name for {@link #getIndex()}: the custom data's index in the datafile.
     *
     * @return the index, or {@link #NO_INDEX} when created by name and not yet resolved
     */
    public int getId() {
        return index;
    }

    /** @return the name given at creation, or null when created by index */
    public String getName() {
        return name;
    }

    /** @return the values, unmodifiable */
    public List<String> getValues() {
        return values;
    }

    /** @return true when the Data API replaces the values (the default) */
    public boolean isOverwrite() {
        return overwrite;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CustomData)) {
            return false;
        }
        CustomData other = (CustomData) o;
        return index == other.index && overwrite == other.overwrite && Objects.equals(name, other.name)
                && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, name, values, overwrite);
    }

    @Override
    public String toString() {
        return "CustomData{index=" + index + (name == null ? "" : ", name=" + name) + ", values=" + values
                + ", overwrite=" + overwrite + '}';
    }
}
