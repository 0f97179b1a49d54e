package com.kameleoon.internal.visitor;

import com.kameleoon.data.CustomData;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A visitor's custom data packed into one byte array, in the order each index was first stored: per index its
 * number, a flags byte (sent, overwrite, has a name), the name when there is one, the value count and the values
 * ({@link PackedWriter}). One array instead of a map entry, a tracked item, a {@link CustomData}, its list and a
 * string per value: about a tenth of the heap. {@link CustomData} objects are made again when read, equal to the
 * stored ones. Stateless; the arrays are guarded by the owning {@link Visitor}'s monitor.
 */
final class PackedCustomData {
    private static final int SENT = 1;
    private static final int OVERWRITE = 2;
    private static final int NAMED = 4;

    private PackedCustomData() {
    }

    /** @return the datum at {@code index}, or null */
    static CustomData get(byte[] bytes, int index) {
        int start = find(bytes, index);
        return start < 0 ? null : read(new PackedReader(bytes, start));
    }

    /** @return how many indexes hold data */
    static int size(byte[] bytes) {
        int size = 0;
        if (bytes != null) {
            PackedReader reader = new PackedReader(bytes, 0);
            while (reader.hasMore()) {
                skip(reader);
                size++;
            }
        }
        return size;
    }

    /**
     * @return a new array holding {@code data} in place of any datum at its index (keeping that index's
     *         position), else after the others
     */
    static byte[] put(byte[] bytes, CustomData data, boolean sent) {
        PackedWriter writer = new PackedWriter((bytes == null ? 0 : bytes.length) + 32);
        int start = find(bytes, data.getIndex());
        int end = start;
        if (start >= 0) {
            PackedReader reader = new PackedReader(bytes, start);
            skip(reader);
            end = reader.position();
            writer.writeBytes(bytes, 0, start);
        } else if (bytes != null) {
            writer.writeBytes(bytes, 0, bytes.length);
        }
        writer.writeVarint(data.getIndex());
        String name = data.getName();
        writer.writeByte((sent ? SENT : 0) | (data.isOverwrite() ? OVERWRITE : 0) | (name == null ? 0 : NAMED));
        if (name != null) {
            writer.writeString(name, 0);
        }
        List<String> values = data.getValues();
        writer.writeVarint(values.size());
        for (int i = 0; i < values.size(); i++) {
            writer.writeString(values.get(i), 0);
        }
        if (start >= 0) {
            writer.writeBytes(bytes, end, bytes.length);
        }
        return writer.toArray();
    }

    /** @return the data by index, in order, as items that are read-only copies (see {@link TrackedItem#copy}) */
    static Map<Integer, TrackedItem<CustomData>> items(byte[] bytes) {
        if (bytes == null) {
            return Map.of();
        }
        Map<Integer, TrackedItem<CustomData>> items = new LinkedHashMap<>();
        PackedReader reader = new PackedReader(bytes, 0);
        while (reader.hasMore()) {
            boolean sent = (bytes[flagsOffset(bytes, reader.position())] & SENT) != 0;
            CustomData data = read(reader);
            items.put(data.getIndex(), TrackedItem.copy(data, sent));
        }
        return Collections.unmodifiableMap(items);
    }

    /** Marks the datum at {@code index} sent, in place; nothing when there is none. */
    static void markSent(byte[] bytes, int index) {
        int start = find(bytes, index);
        if (start >= 0) {
            bytes[flagsOffset(bytes, start)] |= SENT;
        }
    }

    /** @return true when some datum is not sent */
    static boolean hasUnsent(byte[] bytes) {
        if (bytes != null) {
            PackedReader reader = new PackedReader(bytes, 0);
            while (reader.hasMore()) {
                if ((bytes[flagsOffset(bytes, reader.position())] & SENT) == 0) {
                    return true;
                }
                skip(reader);
            }
        }
        return false;
    }

    /** @return the offset of the datum at {@code index}, or -1 */
    private static int find(byte[] bytes, int index) {
        if (bytes != null) {
            PackedReader reader = new PackedReader(bytes, 0);
            while (reader.hasMore()) {
                int start = reader.position();
                if (reader.readVarint() == index) {
                    return start;
                }
                skipAfterIndex(reader);
            }
        }
        return -1;
    }

    private static int flagsOffset(byte[] bytes, int start) {
        PackedReader reader = new PackedReader(bytes, start);
        reader.readVarint();
        return reader.position();
    }

    private static void skip(PackedReader reader) {
        reader.readVarint();
        skipAfterIndex(reader);
    }

    private static void skipAfterIndex(PackedReader reader) {
        if ((reader.readByte() & NAMED) != 0) {
            reader.skipString();
        }
        for (int values = reader.readVarint(); values > 0; values--) {
            reader.skipString();
        }
    }

    private static CustomData read(PackedReader reader) {
        int index = reader.readVarint();
        int flags = reader.readByte();
        String name = (flags & NAMED) == 0 ? null : reader.readString();
        String[] values = new String[reader.readVarint()];
        for (int i = 0; i < values.length; i++) {
            values[i] = reader.readString();
        }
        // Built as the original was: by name then index, or by index; overwrite is true unless stored false.
        CustomData data = name == null ? new CustomData(index, values) : new CustomData(name, values).withIndex(index);
        return (flags & OVERWRITE) != 0 ? data : data.withOverwrite(false);
    }
}
