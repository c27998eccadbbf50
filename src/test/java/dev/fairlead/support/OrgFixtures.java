package dev.fairlead.support;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.ApiTokenService;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepCommand;
import dev.fairlead.org.RepService;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamCommand;
import dev.fairlead.org.TeamKind;
import dev.fairlead.org.TeamService;
import dev.fairlead.org.Territory;
import dev.fairlead.org.TerritoryKind;
import dev.fairlead.org.Tier;
import dev.fairlead.org.TokenCommand;
import dev.fairlead.org.User;
import dev.fairlead.org.UserCommand;
import dev.fairlead.org.UserService;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds realistic organisations through the real services (validated and audited), as the system
 * user. Every organisation gets unique names, e-mails and usernames, so test classes that share a
 * database never collide.
 */
public class OrgFixtures {

    public static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A login and an API token that acts as it. */
    public record Login(User user, String token) {

        public String username() {
            return user.username();
        }
    }

    /**
     * 示范科技: a company with East China (Shanghai team, and below it a key-account sub-team) and
     * South China (Shenzhen team); a login per role. The manager runs the Shanghai team, the south
     * manager the South China region, and the rep login belongs to 李娜.
     */
    public record Org(
            int n,
            Team company, Team eastChina, Team southChina, Team shanghai, Team shanghaiKeyAccounts, Team shenzhen,
            Rep liNa, Rep wangWei, Rep emilyChen, Rep huJun, Rep graceLin,
            Login admin, Login director, Login manager, Login southManager, Login rep, Login finance) {

        public List<Rep> reps() {
            return List.of(liNa, wangWei, emilyChen, huJun, graceLin);
        }
    }

    private final TeamService teams;
    private final RepService reps;
    private final UserService users;
    private final ApiTokenService tokens;
    private final Viewer system = Viewer.system();

    OrgFixtures(TeamService teams, RepService reps, UserService users, ApiTokenService tokens) {
        this.teams = teams;
        this.reps = reps;
        this.users = users;
        this.tokens = tokens;
    }

    public Org eastAndSouthChina() {
        int n = SEQUENCE.incrementAndGet();
        Team company = team("示范科技 Demo Tech #" + n, TeamKind.COMPANY, null);
        Team east = team("华东大区 East China", TeamKind.REGION, company);
        Team south = team("华南大区 South China", TeamKind.REGION, company);
        Team shanghai = team("上海一组 Shanghai 1", TeamKind.TEAM, east);
        Team keyAccounts = team("上海大客户组 Shanghai Key Accounts", TeamKind.TEAM, shanghai);
        Team shenzhen = team("深圳组 Shenzhen", TeamKind.TEAM, south);
        Rep liNa = rep(shanghai, "李娜", "li.na." + n + "@fairlead.test", shanghaiCity());
        Rep wangWei = rep(shanghai, "王伟", "wang.wei." + n + "@fairlead.test", shanghaiCity());
        Rep emily = rep(keyAccounts, "Emily Chen", "emily.chen." + n + "@fairlead.test", shanghaiCity());
        Rep huJun = rep(shenzhen, "胡军", "hu.jun." + n + "@fairlead.test", shenzhenCity());
        Rep grace = rep(shenzhen, "Grace Lin", "grace.lin." + n + "@fairlead.test", shenzhenCity());
        return new Org(n, company, east, south, shanghai, keyAccounts, shenzhen, liNa, wangWei, emily, huJun, grace,
                login("admin." + n, "系统管理员 Admin", Role.ADMIN, null, null),
                login("director." + n, "销售总监 Director Zhou", Role.DIRECTOR, null, null),
                login("manager." + n, "上海一组经理 Manager Qian", Role.MANAGER, shanghai.id(), null),
                login("manager.south." + n, "华南区经理 Manager Fang", Role.MANAGER, south.id(), null),
                login("rep." + n, "李娜 (rep)", Role.REP, null, liNa.id()),
                login("finance." + n, "财务 Finance Sun", Role.FINANCE, null, null));
    }

    public Team team(String name, TeamKind kind, Team parent) {
        return teams.create(system, new TeamCommand(name, kind, parent == null ? null : parent.id(), null));
    }

    public Rep rep(Team team, String name, String email, Territory... territories) {
        return reps.create(system, repCommand(team.id(), name, email, List.of(territories)));
    }

    public Login login(String username, String displayName, Role role, Long teamId, Long repId) {
        User user = users.create(system, new UserCommand(username, displayName, username + "@fairlead.test", role, teamId,
                repId, "en", true, PASSWORD, null));
        String token = tokens.issue(system, new TokenCommand(user.id(), "integration tests", null)).secret();
        return new Login(user, token);
    }

    /** A unique rep e-mail, for tests that create reps of their own. */
    public static String email(String localPart) {
        return localPart + "." + SEQUENCE.incrementAndGet() + "@fairlead.test";
    }

    /** A unique username. */
    public static String username(String prefix) {
        return prefix + "." + SEQUENCE.incrementAndGet();
    }

    public static RepCommand repCommand(long teamId, String name, String email, List<Territory> territories) {
        return new RepCommand(teamId, name, email, "13812345678", Tier.REGULAR, List.of("manufacturing"), List.of("crm"),
                List.of("zh"), 10, 80, 10, 160, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalDate.of(2023, 3, 1), true, territories, null);
    }

    /** A valid rep as the JSON an integrator would send; tests change single fields to make it invalid. */
    public static Map<String, Object> repJson(long teamId, String name, String email) {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("teamId", teamId);
        rep.put("name", name);
        rep.put("email", email);
        rep.put("phone", "13912345678");
        rep.put("tier", "SENIOR");
        rep.put("industries", List.of("manufacturing", "retail"));
        rep.put("products", List.of("crm", "analytics"));
        rep.put("languages", List.of("zh", "en"));
        rep.put("weight", 15);
        rep.put("maxOpenLeads", 60);
        rep.put("maxNewPerDay", 8);
        rep.put("maxNewPerMonth", 120);
        rep.put("workingDays", new ArrayList<>(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")));
        rep.put("hireDate", "2022-09-01");
        rep.put("territories", new ArrayList<>(List.of(Map.of("kind", "CITY", "code", "310100"))));
        return rep;
    }

    public static Territory shanghaiCity() {
        return new Territory(TerritoryKind.CITY, "310100");
    }

    public static Territory shenzhenCity() {
        return new Territory(TerritoryKind.CITY, "440300");
    }
}
