package com.kameleoon.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.exceptions.KameleoonException;
import com.kameleoon.internal.remote.RemoteDataClient;
import com.kameleoon.types.RemoteVisitorDataFilter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The client's calls to the Kameleoon Data API (remote data, remote visitor data, warehouse audiences) with their
 * defaults applied, and the blocking forms' unwrapping of failures. Thread-safe (immutable).
 */
final class RemoteCalls {
    private final RemoteDataClient remote;
    private final Duration defaultTimeout;

    /**
     * @param remote the Data API client
     * @param defaultTimeout used when a call gives no positive timeout
     */
    RemoteCalls(RemoteDataClient remote, Duration defaultTimeout) {
        this.remote = remote;
        this.defaultTimeout = defaultTimeout;
    }

    /** @return the JSON under the key; an empty key fails the future rather than the call */
    CompletableFuture<JsonNode> remoteData(String key, Duration timeout) {
        if (key == null || key.isEmpty()) {
            return CompletableFuture.failedFuture(new KameleoonException("remote data key is empty"));
        }
        return remote.remoteData(key, timeoutOr(timeout));
    }

    /** @return the visitor's remote data; a null filter means the defaults */
    CompletableFuture<List<Data>> visitorData(String visitorCode, boolean addData, RemoteVisitorDataFilter filter,
            Duration timeout) {
        return remote.visitorData(visitorCode, addData, filter == null ? RemoteVisitorDataFilter.defaults() : filter,
                timeoutOr(timeout));
    }

    /** @return the visitor's warehouse audiences as a custom data */
    CompletableFuture<CustomData> warehouseAudience(String visitorCode, int customDataIndex, String warehouseKey,
            Duration timeout) {
        return remote.warehouseAudience(visitorCode, customDataIndex, warehouseKey, timeoutOr(timeout));
    }

    private Duration timeoutOr(Duration requested) {
        return requested == null || requested.isZero() || requested.isNegative() ? defaultTimeout : requested;
    }

    /**
     * Waits for a remote call; its {@link KameleoonException} is rethrown as it is, so that the blocking form throws
     * what the asynchronous one completes with.
     */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof KameleoonException) {
                throw (KameleoonException) e.getCause();
            }
            throw new KameleoonException("remote call failed: " + e.getCause(), e.getCause());
        }
    }
}
