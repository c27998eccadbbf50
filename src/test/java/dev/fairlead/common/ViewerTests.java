package dev.fairlead.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ViewerTests {

    private static final long SHANGHAI_TEAM = 12L;
    private static final long LI_NA = 301L;

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "DIRECTOR", "FINANCE"})
    void adminDirectorAndFinanceSeeEverythingWithoutAScopeRoot(Role role) {
        Viewer viewer = new Viewer(1, "zhou", role, SHANGHAI_TEAM, LI_NA);

        assertThat(viewer.seesAll()).isTrue();
        assertThat(viewer.scopeTeamId()).isEqualTo(-1L);
        assertThat(viewer.scopeRepId()).isEqualTo(-1L);
    }

    @Test
    void managerIsScopedToTheTeamTheyManage() {
        Viewer manager = new Viewer(2, "qian", Role.MANAGER, SHANGHAI_TEAM, null);

        assertThat(manager.seesAll()).isFalse();
        assertThat(manager.scopeTeamId()).isEqualTo(SHANGHAI_TEAM);
        assertThat(manager.scopeRepId()).isEqualTo(-1L);
        assertThat(manager.isRep()).isFalse();
    }

    @Test
    void managerWithoutTeamSeesNothing() {
        Viewer manager = new Viewer(2, "qian", Role.MANAGER, null, null);

        assertThat(manager.seesAll()).isFalse();
        assertThat(manager.scopeTeamId()).isEqualTo(-1L);
    }

    @Test
    void repIsScopedToTheirOwnRepRecordNotTheirTeam() {
        Viewer rep = new Viewer(3, "li.na", Role.REP, SHANGHAI_TEAM, LI_NA);

        assertThat(rep.seesAll()).isFalse();
        assertThat(rep.isRep()).isTrue();
        assertThat(rep.scopeRepId()).isEqualTo(LI_NA);
        assertThat(rep.scopeTeamId()).isEqualTo(-1L);
    }

    @Test
    void repWithoutProfileSeesNothing() {
        Viewer rep = new Viewer(3, "li.na", Role.REP, null, null);

        assertThat(rep.scopeRepId()).isEqualTo(-1L);
        assertThat(rep.scopeTeamId()).isEqualTo(-1L);
    }

    @Test
    void systemActsAsAnAdminThatSeesEverything() {
        Viewer system = Viewer.system();

        assertThat(system.role()).isEqualTo(Role.ADMIN);
        assertThat(system.username()).isEqualTo("system");
        assertThat(system.seesAll()).isTrue();
    }

    @Test
    void onlyAdminDirectorAndManagerChangeTheOrganisation() {
        assertThat(Role.values()).filteredOn(Role::managesOrganisation)
                .containsExactlyInAnyOrder(Role.ADMIN, Role.DIRECTOR, Role.MANAGER);
    }
}
