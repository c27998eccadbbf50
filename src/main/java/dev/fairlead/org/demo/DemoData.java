package dev.fairlead.org.demo;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.org.AbsenceCommand;
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
import dev.fairlead.org.UserCommand;
import dev.fairlead.org.UserService;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A working sales organisation for a first look: a company with two regions, four teams, 30 reps
 * with tiers, skills, real territories and capacities (one of them out of office this week), and a
 * login for each role. Loaded through the same services as real data, so it is validated and audited.
 */
@Component
public class DemoData {

    public static final String PASSWORD = "fairlead-demo";

    private record TeamPlan(String name, String region, List<Territory> territories, List<String> reps) {}

    private static final List<TeamPlan> TEAMS = List.of(
            new TeamPlan("上海一组 Shanghai 1", "华东大区 East China", List.of(city("310100")),
                    List.of("李娜", "王伟", "张敏", "Emily Chen", "刘洋", "陈静", "杨帆", "赵磊")),
            new TeamPlan("杭州组 Hangzhou", "华东大区 East China", List.of(city("330100"), province("330000")),
                    List.of("黄磊", "周婷", "吴昊", "徐丽", "孙强", "David Wu", "马超")),
            new TeamPlan("深圳组 Shenzhen", "华南大区 South China", List.of(city("440300"), postal("518")),
                    List.of("胡军", "郭敏", "何静", "林峰", "Grace Lin", "罗刚", "高媛", "梁爽")),
            new TeamPlan("广州组 Guangzhou", "华南大区 South China", List.of(city("440100"), province("450000")),
                    List.of("谢雨", "宋佳", "郑凯", "韩雪", "Kevin Zhang", "冯波", "曹颖")));

    private static final List<String> INDUSTRIES = List.of("manufacturing", "retail", "finance", "healthcare", "software", "education");
    private static final List<String> PRODUCTS = List.of("crm", "erp", "analytics", "cloud");
    private static final Tier[] TIER_PATTERN = {Tier.KEY_ACCOUNT, Tier.SENIOR, Tier.SENIOR, Tier.REGULAR, Tier.REGULAR, Tier.REGULAR, Tier.NEW, Tier.NEW};

    private final TeamService teams;
    private final RepService reps;
    private final UserService users;
    private final DemoRota rota;
    private final Clock clock;

    DemoData(TeamService teams, RepService reps, UserService users, DemoRota rota, Clock clock) {
        this.rota = rota;
        this.teams = teams;
        this.reps = reps;
        this.users = users;
        this.clock = clock;
    }

    public boolean needed() {
        return teams.list(Viewer.system(), true).isEmpty() && users.list(Viewer.system()).isEmpty();
    }

    @Transactional
    public void load() {
        Viewer system = Viewer.system();
        Random random = new Random(20261123L);
        LocalDate today = LocalDate.now(clock);
        Team company = teams.create(system, new TeamCommand("Fairlead 示范公司 Demo Co.", TeamKind.COMPANY, null, null));
        List<Team> regions = new ArrayList<>();
        Team firstTeam = null;
        List<Rep> created = new ArrayList<>();
        java.util.Map<Long, List<Rep>> byTeam = new java.util.LinkedHashMap<>();
        int n = 0;
        for (TeamPlan plan : TEAMS) {
            Team region = regions.stream().filter(r -> r.name().equals(plan.region())).findFirst().orElse(null);
            if (region == null) {
                region = teams.create(system, new TeamCommand(plan.region(), TeamKind.REGION, company.id(), null));
                regions.add(region);
            }
            Team team = teams.create(system, new TeamCommand(plan.name(), TeamKind.TEAM, region.id(), null));
            firstTeam = firstTeam == null ? team : firstTeam;
            for (int i = 0; i < plan.reps().size(); i++, n++) {
                Tier tier = TIER_PATTERN[i % TIER_PATTERN.length];
                created.add(reps.create(system, rep(team.id(), plan.reps().get(i), n, tier, plan.territories(), random, today)));
                byTeam.computeIfAbsent(team.id(), k -> new ArrayList<>()).add(created.get(created.size() - 1));
            }
        }
        Rep firstRep = created.get(0);
        reps.addAbsence(system, created.get(2).id(), new AbsenceCommand(today, today.plusDays(4), "年假 Annual leave"));
        rota.plan(company, byTeam);
        users.create(system, user("admin", "系统管理员 Admin", Role.ADMIN, null, null));
        users.create(system, user("director", "销售总监 Director Zhou", Role.DIRECTOR, null, null));
        users.create(system, user("manager", "上海一组经理 Manager Qian", Role.MANAGER, firstTeam.id(), null));
        users.create(system, user("manager.south", "华南区经理 Manager Fang", Role.MANAGER, regions.get(1).id(), null));
        users.create(system, user("rep", firstRep.name() + " (rep)", Role.REP, null, firstRep.id()));
        users.create(system, user("finance", "财务 Finance Sun", Role.FINANCE, null, null));
    }

    private static RepCommand rep(long teamId, String name, int n, Tier tier, List<Territory> territories, Random random,
            LocalDate today) {
        int capacity = switch (tier) {
            case KEY_ACCOUNT -> 40;
            case SENIOR -> 60;
            case REGULAR -> 80;
            case NEW -> 50;
        };
        int yearsIn = switch (tier) {
            case KEY_ACCOUNT -> 6;
            case SENIOR -> 4;
            case REGULAR -> 2;
            case NEW -> 0;
        };
        Set<DayOfWeek> days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        if (n % 7 == 3) {
            days.add(DayOfWeek.SATURDAY);
        }
        boolean english = name.matches("[A-Za-z ]+");
        return new RepCommand(
                teamId,
                name,
                "rep" + (n + 1) + "@demo.fairlead.dev",
                "13" + (800000000L + n * 7919L),
                tier,
                List.of(INDUSTRIES.get(n % INDUSTRIES.size()), INDUSTRIES.get((n + 2) % INDUSTRIES.size())),
                List.of(PRODUCTS.get(n % PRODUCTS.size())),
                english ? List.of("en", "zh") : List.of("zh"),
                tier == Tier.KEY_ACCOUNT ? 15 : tier == Tier.NEW ? 6 : 10,
                capacity,
                tier == Tier.NEW ? 5 : 10,
                tier == Tier.NEW ? 80 : 160,
                days,
                today.minusYears(yearsIn).minusDays(random.nextInt(300)),
                true,
                territories,
                null);
    }

    private static UserCommand user(String username, String name, Role role, Long teamId, Long repId) {
        return new UserCommand(username, name, username + "@demo.fairlead.dev", role, teamId, repId,
                role == Role.ADMIN ? "en" : "zh-CN", true, PASSWORD, null);
    }

    private static Territory city(String code) {
        return new Territory(TerritoryKind.CITY, code);
    }

    private static Territory province(String code) {
        return new Territory(TerritoryKind.PROVINCE, code);
    }

    private static Territory postal(String prefix) {
        return new Territory(TerritoryKind.POSTAL_PREFIX, prefix);
    }
}
