package com.kameleoon.evaluation;

import static com.kameleoon.evaluation.Fixtures.client;
import static com.kameleoon.evaluation.Fixtures.specHash;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.CustomData;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.internal.datafile.Configuration;
import com.kameleoon.internal.datafile.FlagDef;
import com.kameleoon.internal.datafile.RuleDef;
import com.kameleoon.internal.evaluation.BucketingCode;
import com.kameleoon.internal.evaluation.FlagEvaluator;
import com.kameleoon.internal.hash.BucketHasher;
import com.kameleoon.internal.hash.BucketPicker;
import com.kameleoon.internal.visitor.Visitor;
import com.kameleoon.types.Variation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/evaluation.md#hashing-and-bucketing: hash inputs, digest to bucket value, exposition and share boundaries. */
class HashingAndBucketingTest {

    @Nested
    @DisplayName("digest -> number in [0,1): PHP test vectors (docs/evaluation.md#bucket-value)")
    class Vectors {
        @ParameterizedTest(name = "hash(\"{0}\") = {2}")
        @CsvSource({
            "visitor-0012001, ffb8b4e446869f56, 0.99891214910894632",
            "visitor-0013002, b3a520bb82c6025c, 0.70173840108327568",
            "abc2001, 2ba2c839f951f752, 0.17045260802842677",
            "abc3002, a9c99aae8ffc309f, 0.66323248622938991",
            "visitor-00120041735689600, ad4d5c0191123e18, 0.67696166061796248",
            "visitor-00130041735689600, 44001e7c095505cf, 0.26562681701034307",
            "visitor-0019999, d6d64636322af788, 0.83920706575736403",
            "visitor-001homepage, 73cbfdb325aa1c9c, 0.45233140583150089",
        })
        void tableVectors(String input, String first8Bytes, double phpHash) throws Exception {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            assertThat(HexFormat.of().formatHex(digest, 0, 8)).as("the hash-vector table's digest bytes")
                    .isEqualTo(first8Bytes);
            long u = Long.parseLong(first8Bytes.substring(0, 8), 16);
            assertThat(u / 4294967296.0).as("first 4 bytes / 2^32").isEqualTo(phpHash);

            assertThat(BucketHasher.hashOf(input)).isEqualTo(phpHash);
        }

        @ParameterizedTest(name = "hash(\"{0}\") = {1}")
        @CsvSource({
            "abc2002, 0.61279321764595807",
            "visitor-0012007, 0.76369882863946259",
            "visitor-0013007, 0.56875198497436941",
            "acme3006, 0.10122627089731395",
            "globex3006, 0.37442975211888552",
            "visitor-00130040, 0.63721350929699838",
        })
        void additionalVectors(String input, double phpHash) {
            assertThat(BucketHasher.hashOf(input)).isEqualTo(phpHash);
        }

        @ParameterizedTest(name = "hash is SHA-256 over the UTF-8 bytes: \"{0}\" (docs/evaluation.md#hash-inputs)")
        @ValueSource(strings = {"", "é", "visitor-é-ü-ß3002", "日本語の訪問者2001", "emoji-😀-3002", "a-long-input-that-spans-more-than-one-sha256-block-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
        void utf8Input(String input) {
            assertThat(BucketHasher.hashOf(input)).isEqualTo(specHash(input));
        }

        @Test
        @DisplayName("result range is [0, 1 - 2^-32]")
        void range() {
            for (int i = 0; i < 2_000; i++) {
                double h = BucketHasher.hashOf("range-" + i);
                assertThat(h).isGreaterThanOrEqualTo(0.0).isLessThanOrEqualTo(1.0 - Math.pow(2, -32));
                assertThat(h).isEqualTo(specHash("range-" + i));
            }
        }
    }

    @Nested
    @DisplayName("UTF-8 bytes at the encoder's edges, as String.getBytes(UTF_8) writes them"
            + " (docs/evaluation.md#hash-inputs)")
    class Utf8Edges {
        // The hasher encodes UTF-8 itself (no String allocation per hash); each length class has a boundary.
        @ParameterizedTest(name = "code point U+{0}")
        @ValueSource(strings = {"7F", "80", "7FF", "800", "FFFF", "10000", "3FFFF", "40000", "E0041", "10FFFF"})
        void codePointsAtTheLengthBoundaries(String hex) {
            String input = "visitor-" + Character.toString(Integer.parseInt(hex, 16)) + "-3002";
            assertThat(BucketHasher.hashOf(input)).isEqualTo(specHash(input));
        }

        @ParameterizedTest(name = "ill-formed UTF-16 {index}")
        @ValueSource(strings = {"visitor\uD83D", "visitor\uDE00-2001", "\uD83D-2001", "\uDE00\uD83D",
            "\uD83D\uD83D\uDE00-2001"})
        @DisplayName("a lone surrogate hashes as '?', like String.getBytes; a pair after it is still one code point")
        void loneSurrogates(String input) {
            assertThat(BucketHasher.hashOf(input)).isEqualTo(specHash(input));
        }

        @Test
        @DisplayName("code + suffixes longer than the hasher's first buffer keep every byte")
        void bufferGrowsBetweenParts() {
            BucketHasher hasher = new BucketHasher();
            // The hasher reserves 3 bytes per character of each part: 39 three-byte characters (117 bytes) fit
            // its first 128-byte buffer, and the suffix then makes it grow with the code already written.
            String code = "訪問者".repeat(13);
            assertThat(hasher.hash(code, "30041735689600", "")).isEqualTo(specHash(code + "30041735689600"));
            String ascii = "c".repeat(40);
            assertThat(hasher.hash(ascii, "d".repeat(40), "2001")).isEqualTo(specHash(ascii + "d".repeat(40) + "2001"));
            assertThat(hasher.hash("abc", "2001", "")).as("the grown hasher is reused").isEqualTo(0.17045260802842677);
        }
    }

    @Nested
    @DisplayName("ME group / CBS slot: floor(h * n), clamped to n - 1"
            + " (docs/evaluation.md#exposition-and-share-boundaries)")
    class Slots {
        @Test
        void slotIsFloorOfHashTimesCount() {
            assertThat(BucketPicker.slot(0.0, 3)).isZero();
            assertThat(BucketPicker.slot(0.45233140583150089, 2)).isZero();
            assertThat(BucketPicker.slot(0.5, 2)).isEqualTo(1);
            assertThat(BucketPicker.slot(1.0 - Math.pow(2, -32), 3)).isEqualTo(2);
        }

        @Test
        @DisplayName("idx >= n is clamped to n - 1: a hash of 1.0 (possible with Go's formula) takes the last slot")
        void hashOfOneIsClampedToTheLastSlot() {
            assertThat(BucketPicker.slot(1.0, 1)).isZero();
            assertThat(BucketPicker.slot(1.0, 3)).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("bucketing code (docs/evaluation.md#bucketing-code)")
    class Code {
        @Test
        @DisplayName("custom-data index 0 is a bucketing index like any other; its first non-empty value is hashed")
        void bucketingIndexZero() {
            Visitor visitor = new Visitor(Fixtures.T0);
            visitor.putCustomData(new CustomData(0, "", "acme"), false);
            assertThat(BucketingCode.of(visitor, "visitor-1", 0)).isEqualTo("acme");
            assertThat(BucketingCode.of(visitor, "visitor-1", -1)).as("no bucketing index").isEqualTo("visitor-1");
        }
    }

    @Nested
    @DisplayName("buckets are memoized on the visitor (docs/evaluation.md#bucket-value)")
    class Memo {
        @Test
        @DisplayName("the evaluator keeps each bucket it hashed for a visitor, so the next evaluation skips SHA-256")
        void evaluationMemoizesItsBuckets() {
            Configuration config = Fixtures.configuration("""
                    {"configuration": {}, "featureFlags": [{"id": 1, "featureKey": "f", "defaultVariationKey": "off",
                      "environmentEnabled": true, "variations": [{"key": "off", "variables": []},
                      {"key": "on", "variables": []}],
                      "rules": [{"id": 2001, "type": "EXPERIMENTATION", "exposition": 1.0, "experimentId": 3002,
                        "respoolTime": null,
                        "variationByExposition": [{"variationKey": "on", "variationId": 7, "exposition": 1.0}]}]}]}
                    """);
            FlagDef flag = config.flag("f");
            RuleDef rule = flag.rules().get(0);
            Visitor visitor = new Visitor(Fixtures.T0);
            new FlagEvaluator(() -> Fixtures.T0, ZoneOffset.UTC).evaluate(config, "abc", visitor, flag, false, false,
                    new BucketHasher(), code -> {
                        throw new AssertionError("save = false creates no visitor");
                    });
            assertThat(visitor.memoizedBucket("abc", rule.expositionHashSuffix())).isEqualTo(0.17045260802842677);
            assertThat(visitor.memoizedBucket("abc", rule.variationHashSuffix())).isEqualTo(0.66323248622938991);
        }
    }

    @Nested
    @DisplayName("comparisons, given datafiles/bucketing.json and visitor 'abc'"
            + " (docs/evaluation.md#exposition-and-share-boundaries)")
    class Comparisons {
        private Variation variation(String featureKey) {
            try (DefaultKameleoonClient client = client("bucketing.json")) {
                return client.getVariation("abc", featureKey, false);
            }
        }

        @Test
        @DisplayName("rule exposition is inclusive: hash(abc2201) == exposition => in the rule")
        void expositionInclusive() {
            Variation v = variation("exposition_equals_hash");
            assertThat(v.getKey()).isEqualTo("on");
            assertThat(v.getId()).isEqualTo(4101);
            assertThat(v.getExperimentId()).isEqualTo(3101);
        }

        @Test
        @DisplayName("delivery exposition one ulp below the hash => outside; the delivery stops the loop"
                + " (docs/evaluation.md#rule-loop)")
        void deliveryExpositionJustBelow() {
            Variation v = variation("delivery_exposition_just_below_hash");
            assertThat(v.getKey()).isEqualTo("off");
            assertThat(v.getId()).isNull();
            assertThat(v.getExperimentId()).isNull();
        }

        @Test
        @DisplayName("experiment exposition one ulp below the hash => outside; next rule"
                + " (docs/evaluation.md#rule-loop)")
        void experimentExpositionJustBelow() {
            Variation v = variation("experiment_exposition_just_below_hash");
            assertThat(v.getKey()).isEqualTo("fallback");
            assertThat(v.getId()).isEqualTo(4198);
            assertThat(v.getExperimentId()).isEqualTo(3198);
        }

        @Test
        @DisplayName("variation share equal to the variation hash is chosen (total >= h, inclusive)")
        void shareInclusive() {
            Variation v = variation("share_equals_hash");
            assertThat(v.getKey()).isEqualTo("a");
            assertThat(v.getId()).isEqualTo(4201);
        }

        @Test
        @DisplayName("variation share one ulp below the variation hash => the next entry")
        void shareJustBelow() {
            Variation v = variation("share_just_below_hash");
            assertThat(v.getKey()).isEqualTo("b");
            assertThat(v.getId()).isEqualTo(4212);
        }

        @Test
        @DisplayName("shares are summed cumulatively in array order: 0.25 + (h - 0.25) == h selects the second")
        void cumulativeShares() {
            Variation v = variation("cumulative_shares");
            assertThat(v.getKey()).isEqualTo("b");
            assertThat(v.getId()).isEqualTo(4222);
            assertThat(v.getExperimentId()).isEqualTo(3206);
        }

        @Test
        @DisplayName("shares 0.3 + 0.3 below the hash => no entry => next rule (docs/evaluation.md#rule-loop)")
        void sharesNotCoveringNextRule() {
            assertThat(specHash("abc3210")).isGreaterThan(0.6);
            Variation v = variation("shares_gap_then_next_rule");
            assertThat(v.getKey()).isEqualTo("fallback");
            assertThat(v.getId()).isEqualTo(4197);
            assertThat(v.getExperimentId()).isEqualTo(3197);
        }

        @Test
        @DisplayName("shares not covering the hash and no further rule => default variation"
                + " (docs/evaluation.md#rule-loop)")
        void sharesNotCoveringDefault() {
            assertThat(specHash("abc3211")).isGreaterThan(0.6);
            Variation v = variation("shares_gap_only_rule");
            assertThat(v.getKey()).isEqualTo("off");
            assertThat(v.getId()).isNull();
            assertThat(v.getExperimentId()).isNull();
        }
    }

    @Nested
    @DisplayName("hash inputs, given datafiles/respool-and-negative-ids.json (docs/evaluation.md#hash-inputs)")
    class HashInputs {
        @Test
        @DisplayName("respoolTime 0 is appended to both hash inputs (PHP)")
        void respoolZeroAppended() {
            // rule hash: visitor-001 + 2004 + 0 = 0.2126 <= 0.5 (without the suffix 0.846: outside)
            // variation hash: visitor-001 + 3004 + 0 = 0.6372 => second half "b" (without the suffix 0.0426: "a")
            try (DefaultKameleoonClient client = client("respool-and-negative-ids.json")) {
                Variation v = client.getVariation("visitor-001", "respool_zero", false);
                assertThat(v.getKey()).isEqualTo("b");
                assertThat(v.getId()).isEqualTo(4302);
                assertThat(v.getExperimentId()).isEqualTo(3004);
            }
        }

        @Test
        @DisplayName("negative rule and experiment ids are appended with their '-' sign")
        void negativeIds() {
            // rule hash: abc-5 = 0.602 <= 0.61 (abc5 = 0.653 would be outside)
            // variation hash: abc-7 = 0.133 <= 0.2 => "a" (abc7 = 0.328 would give "b")
            assertThat(specHash("abc-5")).isLessThanOrEqualTo(0.61);
            assertThat(specHash("abc-7")).isLessThanOrEqualTo(0.2);
            try (DefaultKameleoonClient client = client("respool-and-negative-ids.json")) {
                Variation v = client.getVariation("abc", "negative_ids", false);
                assertThat(v.getKey()).isEqualTo("a");
                assertThat(v.getId()).isEqualTo(4311);
                assertThat(v.getExperimentId()).isEqualTo(-7);
            }
        }

        @Test
        @DisplayName("respoolTime 1735689600 is appended: search_algorithm for a DESKTOP + CHROME 120 visitor"
                + " (docs/evaluation.md#worked-examples)")
        void respoolSuffixExample() {
            // visitor-001: rule hash(visitor-00120041735689600) = 0.677 <= 0.8; variation hash 0.2656 => bm25 (4030)
            try (DefaultKameleoonClient client = client(Fixtures.EXAMPLE)) {
                client.addData("visitor-001", false, new com.kameleoon.data.Device(com.kameleoon.data.DeviceType.DESKTOP),
                        new com.kameleoon.data.Browser(com.kameleoon.data.BrowserType.CHROME, 120));
                Variation v = client.getVariation("visitor-001", "search_algorithm", false);
                assertThat(v.getKey()).isEqualTo("bm25");
                assertThat(v.getId()).isEqualTo(4030);
                assertThat(v.getExperimentId()).isEqualTo(3004);
            }
        }
    }
}
