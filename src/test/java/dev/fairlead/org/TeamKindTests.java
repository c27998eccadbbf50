package dev.fairlead.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TeamKindTests {

    @ParameterizedTest
    @EnumSource(TeamKind.class)
    void aCompanyHasNoParent(TeamKind parent) {
        assertThat(TeamKind.COMPANY.mayHaveParent(parent)).isFalse();
    }

    @Test
    void aRegionSitsUnderACompanyOrAnotherRegion() {
        assertThat(TeamKind.REGION.mayHaveParent(TeamKind.COMPANY)).isTrue();
        assertThat(TeamKind.REGION.mayHaveParent(TeamKind.REGION)).isTrue();
    }

    @Test
    void aRegionNeverSitsUnderATeam() {
        assertThat(TeamKind.REGION.mayHaveParent(TeamKind.TEAM)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TeamKind.class)
    void aTeamMaySitAnywhereBelowTheCompany(TeamKind parent) {
        assertThat(TeamKind.TEAM.mayHaveParent(parent)).isTrue();
    }
}
