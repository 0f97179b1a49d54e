package com.kameleoon.evaluation;

import static com.kameleoon.evaluation.EngineCode.INIT;
import static com.kameleoon.evaluation.EngineCode.assignment;
import static com.kameleoon.evaluation.Fixtures.specHash;
import static com.kameleoon.evaluation.Fixtures.visitorWhere;
import static org.assertj.core.api.Assertions.assertThat;

import com.kameleoon.data.CustomData;
import com.kameleoon.internal.DefaultKameleoonClient;
import com.kameleoon.types.Variation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mutually exclusive groups (docs/evaluation.md#mutually-exclusive-groups). Given datafiles/me-groups.json: group "g"
 * declared me_c (id 30), me_a (id 10), me_b (id 20, environment-disabled), so its slots sorted by id are [me_a, me_b,
 * me_c]; group "solo" with one flag; two flags in the group named "" (PHP: a group); group "acct" of two flags
 * bucketing on account_id (index 3); one flag without group. Every flag has one experiment rule sending everyone to
 * "on".
 */
class MutuallyExclusiveGroupsTest {

    private static int slot(String code, String group, int size) {
        int idx = (int) Math.floor(specHash(code + group) * size);
        return Math.min(idx, size - 1);
    }

    private static DefaultKameleoonClient client() {
        return Fixtures.client("me-groups.json", new Fixtures.TestClock());
    }

    private static void assertOn(Variation v, int variationId, int experimentId) {
        assertThat(v.getKey()).isEqualTo("on");
        assertThat(v.getId()).isEqualTo(variationId);
        assertThat(v.getExperimentId()).isEqualTo(experimentId);
    }

    private static void assertDefault(Variation v) {
        assertThat(v.getKey()).isEqualTo("off");
        assertThat(v.getId()).isNull();
        assertThat(v.getExperimentId()).isNull();
    }

    @Test
    void mutuallyExclusiveGroups_slotZeroOfTheGroupSortedByFlagIdIsTheLowestId() {
        String code = visitorWhere("me-", c -> slot(c, "g", 3) == 0);
        try (DefaultKameleoonClient client = client()) {
            Map<String, Variation> all = client.getVariations(code, false, false);

            assertOn(all.get("me_a"), 410, 310);
            assertDefault(all.get("me_c"));
            assertThat(all).doesNotContainKey("me_b");
            assertThat(client.getEngineTrackingCode(code)).doesNotContain("',330,").doesNotContain("',320,")
                    .contains(assignment(310, 410));
        }
    }

    @Test
    void mutuallyExclusiveGroups_lastSlotIsTheHighestId() {
        String code = visitorWhere("me-", c -> slot(c, "g", 3) == 2);
        try (DefaultKameleoonClient client = client()) {
            assertOn(client.getVariation(code, "me_c", false), 430, 330);
            assertDefault(client.getVariation(code, "me_a", false));
            assertThat(client.getEngineTrackingCode(code)).isEqualTo(INIT + assignment(330, 430));
        }
    }

    @Test
    void mutuallyExclusiveGroups_aDisabledFlagOwningTheSlotLeavesTheOtherFlagsAtTheirDefault() {
        String code = visitorWhere("me-", c -> slot(c, "g", 3) == 1);
        try (DefaultKameleoonClient client = client()) {
            Map<String, Variation> all = client.getVariations(code, false, false);

            assertDefault(all.get("me_a"));
            assertDefault(all.get("me_c"));
            assertThat(all).doesNotContainKey("me_b");
            // restricted flags save nothing
            assertThat(client.getEngineTrackingCode(code)).doesNotContain("',310,").doesNotContain("',330,");
        }
    }

    @Test
    void mutuallyExclusiveGroups_aGroupOfOneNeverRestrictsItsFlag() {
        try (DefaultKameleoonClient client = client()) {
            for (int i = 0; i < 20; i++) {
                assertOn(client.getVariation("solo-" + i, "solo_flag", false), 440, 340);
            }
        }
    }

    @Test
    void mutuallyExclusiveGroups_flagsWithoutGroupAreUnrestricted() {
        try (DefaultKameleoonClient client = client()) {
            for (int i = 0; i < 20; i++) {
                assertOn(client.getVariation("free-" + i, "ungrouped", false), 470, 370);
            }
        }
    }

    @Test
    void featureFlags_emptyGroupNameIsAGroup_PHP() {
        String slotX = visitorWhere("empty-", c -> slot(c, "", 2) == 0);
        String slotY = visitorWhere("empty-", c -> slot(c, "", 2) == 1);
        try (DefaultKameleoonClient client = client()) {
            assertOn(client.getVariation(slotX, "empty_group_x", false), 451, 351);
            assertDefault(client.getVariation(slotX, "empty_group_y", false));
            assertDefault(client.getVariation(slotY, "empty_group_x", false));
            assertOn(client.getVariation(slotY, "empty_group_y", false), 452, 352);
        }
    }

    @Test
    void mutuallyExclusiveGroups_theSlotIsHashedWithTheFlagsBucketingCode() {
        // own code would pick slot 1 (acct_y); the account's hash picks slot 0 (acct_x)
        String code = visitorWhere("acct-visitor-", c -> slot(c, "acct", 2) == 1);
        String account = visitorWhere("account-", c -> slot(c, "acct", 2) == 0);
        try (DefaultKameleoonClient client = client()) {
            client.addData(code, false, new CustomData(3, account));

            assertOn(client.getVariation(code, "acct_x", false), 461, 361);
            assertDefault(client.getVariation(code, "acct_y", false));
        }
    }

    @Test
    void ruleLoop_forcedVariationsDoNotBypassTheGroup() {
        String code = visitorWhere("me-", c -> slot(c, "g", 3) == 0);
        try (DefaultKameleoonClient client = client()) {
            client.setForcedVariation(code, 330, "on", true);

            assertDefault(client.getVariation(code, "me_c", false));
        }
    }

    @Test
    void exampleDatafile_visitor001IsInTheHeroSlot() {
        // hash("visitor-001homepage") = 0.4523 => slot 0 => homepage_hero; hash("visitor-0013007") = 0.5688 => hero_v2
        try (DefaultKameleoonClient client = Fixtures.client(Fixtures.EXAMPLE, new Fixtures.TestClock())) {
            Variation hero = client.getVariation("visitor-001", "homepage_hero", false);
            Variation video = client.getVariation("visitor-001", "homepage_video", false);

            assertThat(hero.getKey()).isEqualTo("hero_v2");
            assertThat(hero.getId()).isEqualTo(4061);
            assertDefault(video);
        }
    }
}
