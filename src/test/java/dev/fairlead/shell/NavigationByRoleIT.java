package dev.fairlead.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fairlead.common.Role;
import dev.fairlead.common.web.NavigationItem;
import dev.fairlead.support.Api;
import dev.fairlead.support.IntegrationTest;
import dev.fairlead.support.OrgFixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each role's navigation lists exactly the pages it can use: every link it shows answers 200, and
 * every page of the navigation it does not show answers 403 (not an empty or broken page).
 */
@IntegrationTest
class NavigationByRoleIT {

    private static final Pattern NAV_LINK = Pattern.compile("id=\"(nav-[a-z-]+)\" href=\"([^\"]+)\"");

    @Autowired Api api;
    @Autowired OrgFixtures orgs;
    @Autowired List<NavigationItem> navigation;

    @Test
    void everyRoleSeesExactlyThePagesItMayUse() {
        OrgFixtures.Org org = orgs.eastAndSouthChina();
        Map<Role, OrgFixtures.Login> logins = new LinkedHashMap<>();
        logins.put(Role.ADMIN, org.admin());
        logins.put(Role.DIRECTOR, org.director());
        logins.put(Role.MANAGER, org.manager());
        logins.put(Role.REP, org.rep());
        logins.put(Role.FINANCE, org.finance());
        List<String> wrong = new ArrayList<>();
        logins.forEach((role, login) -> {
            Map<String, String> shown = navLinks(api.as(login.token()).get("/").body());
            for (NavigationItem item : navigation) {
                int status = api.as(login.token()).get(item.path()).status();
                boolean inNav = shown.containsKey(item.id());
                assertThat(inNav).as(role + " nav " + item.id()).isEqualTo(item.visibleTo(role));
                if (inNav && status != 200) {
                    wrong.add(role + " sees " + item.id() + " but " + item.path() + " answers " + status);
                }
                if (!inNav && status != 403) {
                    wrong.add(role + " does not see " + item.id() + " but " + item.path() + " answers " + status);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** The navigation links of a page, by element id. */
    private static Map<String, String> navLinks(String html) {
        String nav = html.substring(html.indexOf("<nav"), html.indexOf("</nav>"));
        Map<String, String> links = new LinkedHashMap<>();
        Matcher m = NAV_LINK.matcher(nav);
        while (m.find()) {
            links.put(m.group(1), m.group(2));
        }
        return links;
    }
}
