package com.kameleoon.internal.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Memoized buckets are only returned for the same bucketing code and the same suffix instance. */
class BucketMemoTest {
    @Test
    void memoIsKeyedByCodeAndSuffixIdentity() {
        Visitor visitor = new Visitor(0);
        String suffix = new String("2002");
        assertThat(visitor.memoizedBucket("abc", suffix)).isNaN();
        visitor.memoizeBucket("abc", suffix, 0.25);
        assertThat(visitor.memoizedBucket("abc", suffix)).isEqualTo(0.25);
        assertThat(visitor.memoizedBucket("abc", new String("2002"))).as("another configuration's suffix").isNaN();
        assertThat(visitor.memoizedBucket("acme", suffix)).as("another bucketing code").isNaN();
        visitor.memoizeBucket("acme", suffix, 0.5);
        assertThat(visitor.memoizedBucket("abc", suffix)).as("a new code starts a new memo").isNaN();
        assertThat(visitor.memoizedBucket("acme", suffix)).isEqualTo(0.5);
    }

    @Test
    void oldestEntryMakesRoom() {
        Visitor visitor = new Visitor(0);
        String[] suffixes = new String[17];
        for (int i = 0; i < suffixes.length; i++) {
            suffixes[i] = new String("s" + i);
            visitor.memoizeBucket("abc", suffixes[i], i / 100.0);
        }
        assertThat(visitor.memoizedBucket("abc", suffixes[0])).isNaN();
        assertThat(visitor.memoizedBucket("abc", suffixes[16])).isEqualTo(0.16);
        assertThat(visitor.memoizedBucket("abc", suffixes[1])).isEqualTo(0.01);
    }
}
