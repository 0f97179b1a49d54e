package com.kameleoon.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.BufferRecyclers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Given a JSON tree, when the SDK writes or reads JSON on a thread, then that thread keeps no Jackson buffer in a
 * thread-local (in a container's request thread it would pin an undeployed application's class loader).
 */
class JsonMappersTest {
    private static final ObjectNode TREE = JsonNodeFactory.instance.objectNode().put("v", "é\"x").put("n", 1.5);

    @Test
    void writeGivesTheTextOfToString() {
        assertThat(JsonMappers.write(TREE)).isEqualTo(TREE.toString()).isEqualTo("{\"v\":\"é\\\"x\",\"n\":1.5}");
    }

    @Test
    void writeAndTheMappersLeaveNoThreadLocalBuffer() throws Exception {
        assertThat(onFreshThread(() -> JsonMappers.write(TREE))).as("write").isFalse();
        assertThat(onFreshThread(() -> JsonMappers.create().readTree(JsonMappers.create().writeValueAsString(TREE))))
                .as("create").isFalse();
        assertThat(onFreshThread(() -> JsonTreeReader.SHARED.readTree(JsonMappers.write(TREE)))).as("tree reader")
                .isFalse();
    }

    @Test
    void jacksonsToStringDoesLeaveOne() throws Exception {
        // The control: the check above would see the leak that JsonNode.toString() causes.
        assertThat(onFreshThread(TREE::toString)).isTrue();
    }

    private interface JsonWork {
        Object run() throws Exception;
    }

    /** Runs the work on a new thread and tells whether Jackson's thread-local buffer pool holds a buffer there. */
    private static boolean onFreshThread(JsonWork work) throws Exception {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                Object value = work.run();
                result.set(value instanceof JsonNode || value instanceof String ? ThreadLocalBuffers.held() : value);
            } catch (Exception e) {
                result.set(e);
            }
        });
        thread.start();
        thread.join(10_000);
        if (result.get() instanceof Exception) {
            throw (Exception) result.get();
        }
        return (Boolean) result.get();
    }

    /** Reads Jackson's thread-local pool (a protected field) for the current thread. */
    private static final class ThreadLocalBuffers extends BufferRecyclers {
        static boolean held() {
            return _recyclerRef.get() != null;
        }
    }
}
