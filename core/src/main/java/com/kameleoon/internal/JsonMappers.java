package com.kameleoon.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Builds the SDK's Jackson mappers. Jackson's default buffer pool keeps one buffer per thread in a
 * {@code ThreadLocal}; inside a WAR that entry would outlive an undeploy in the container's request threads and
 * pin the application's class loader. Our mappers pool their buffers per mapper instead.
 *
 * <p>{@code JsonNode.toString()} writes through a mapper inside Jackson that uses the default pool, so it has the
 * same leak (a {@code SoftReference} to a {@code BufferRecycler} in the calling thread's map, kept until the JVM
 * runs short of memory); write trees with {@link #write(JsonNode)} instead.
 */
public final class JsonMappers {
    /* Built at the first write, not with the class: the datafile is read without a mapper (JsonTreeReader), and
       building one costs a cold client 100 ms or more. */
    private static final class Writer {
        static final ObjectMapper MAPPER = create();
    }

    private JsonMappers() {
    }

    /** @return a new mapper whose buffers are recycled without thread-locals; thread-safe once built */
    public static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build();
        return JsonMapper.builder(factory).build();
    }

    /**
     * Writes a tree as compact JSON, like {@code JsonNode.toString()} but without a thread-local buffer.
     *
     * @param node the tree
     * @return its JSON text
     */
    public static String write(JsonNode node) {
        try {
            return Writer.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            // A tree in memory always serializes; only a custom POJO node could fail.
            throw new IllegalStateException("Cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
