package dev.fairlead.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateMatcherTests {

    private static final Instant EARLIER = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");
    private static final DuplicateRules DEFAULTS = new DuplicateRules(null, null);

    @Test
    void aLeadWithNoMatchIsCreatedAndLaterLeadsOfTheChunkMatchIt() {
        DuplicateMatcher m = new DuplicateMatcher(List.of(), DEFAULTS, null);

        assertThat(m.next(10, NOW, "13800000001", null, null, "张三")).isEqualTo(new DuplicateMatcher.Create(null, null, true));
        assertThat(m.next(11, NOW, "13800000001", "z@x.cn", null, "张三"))
                .isEqualTo(new DuplicateMatcher.Merge(10, DuplicateMatch.PHONE));
    }

    @Test
    void aMergeGivesTheLeadTheKeysItLackedSoLaterLeadsMatchOnThem() {
        DuplicateMatcher m = new DuplicateMatcher(List.of(), DEFAULTS, null);
        m.next(10, NOW, null, "a@x.cn", null, "甲");
        m.next(11, NOW, "13800000002", "a@x.cn", null, "甲");

        assertThat(m.next(12, NOW, "13800000002", null, null, "甲")).isEqualTo(new DuplicateMatcher.Merge(10, DuplicateMatch.PHONE));
    }

    @Test
    void aStoredLeadIsPreferredToOneOfTheChunkAndPhoneOrEmailToCompanyAndContact() {
        DuplicateMatcher m = new DuplicateMatcher(List.of(
                new DuplicateMatcher.Candidate(5, null, "old@x.cn", "acme", "Li Lei", EARLIER, true)), DEFAULTS, null);
        m.next(10, NOW, "13800000003", null, "acme", "Han Mei");

        assertThat(m.next(11, NOW, "13800000003", "old@x.cn", null, "Li Lei"))
                .isEqualTo(new DuplicateMatcher.Merge(5, DuplicateMatch.EMAIL));
        assertThat(m.next(12, NOW, null, "new@x.cn", "acme", "li lei"))
                .isEqualTo(new DuplicateMatcher.Create(5L, DuplicateMatch.COMPANY_CONTACT, true));
    }

    @Test
    void aFlaggedLeadIsNotACandidateForTheLeadsAfterIt() {
        DuplicateMatcher m = new DuplicateMatcher(List.of(), DEFAULTS, DuplicatePolicy.FLAG);
        m.next(10, NOW, "13800000004", null, null, "乙");

        assertThat(m.next(11, NOW, "13800000004", null, null, "乙")).isEqualTo(new DuplicateMatcher.Create(10L, DuplicateMatch.PHONE, true));
        assertThat(m.next(12, NOW, "13800000004", null, null, "乙")).isEqualTo(new DuplicateMatcher.Create(10L, DuplicateMatch.PHONE, true));
    }

    @Test
    void theOldestOfSeveralMatchesWins() {
        DuplicateMatcher m = new DuplicateMatcher(List.of(
                new DuplicateMatcher.Candidate(8, "13800000005", null, null, "丙", NOW, true),
                new DuplicateMatcher.Candidate(9, null, "c@x.cn", null, "丙", EARLIER, true)), DEFAULTS, null);

        assertThat(m.next(10, NOW, "13800000005", "c@x.cn", null, "丙")).isEqualTo(new DuplicateMatcher.Merge(9, DuplicateMatch.EMAIL));
    }

    @Test
    void aStoredLeadOutsideTheSubmittersScopeIsNeverMergedIntoOnlyFlaggedAgainst() {
        DuplicateMatcher m = new DuplicateMatcher(List.of(
                new DuplicateMatcher.Candidate(7, "13800000006", null, null, "丁", EARLIER, false)), DEFAULTS, DuplicatePolicy.MERGE);

        assertThat(m.next(10, NOW, "13800000006", null, null, "丁")).isEqualTo(new DuplicateMatcher.Create(7L, DuplicateMatch.PHONE, false));
        assertThat(m.next(11, NOW, "13800000006", "d@x.cn", null, "丁"))
                .as("still flagged: nothing of the chunk was merged into it")
                .isEqualTo(new DuplicateMatcher.Create(7L, DuplicateMatch.PHONE, false));
    }
}
