package com.kameleoon.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Builds the SDK's Jackson mappers. Jackson's default buffer pool keeps one buffer per thread in a
 * {@code ThreadLocal}; inside a WAR that entry would outlive an undeploy in the container's request threads and
 * pin the application's class loader. Our mappers pool their buffers per mapper instead.
 */
public final class JsonMappers {
    private JsonMappers() {
    }

    /** @return a new mapper whose buffers are recycled without thread-locals; thread-safe once built */
    public static ObjectMapper create() {
        JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build();
        return JsonMapper.builder(factory).build();
    }
}
