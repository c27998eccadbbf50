package dev.fairlead.goals.demo;

import dev.fairlead.common.Period;
import dev.fairlead.common.PeriodKind;
import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.credit.CreditCommand;
import dev.fairlead.credit.CreditConfirmations;
import dev.fairlead.credit.CreditEntry;
import dev.fairlead.credit.CreditSubmissions;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealCommand;
import dev.fairlead.deals.DealQuery;
import dev.fairlead.deals.DealService;
import dev.fairlead.deals.StageMove;
import dev.fairlead.goals.Goal;
import dev.fairlead.goals.GoalCommand;
import dev.fairlead.goals.GoalMetric;
import dev.fairlead.goals.GoalProgress;
import dev.fairlead.goals.GoalService;
import dev.fairlead.goals.SplitAxis;
import dev.fairlead.goals.SplitCommand;
import dev.fairlead.goals.SplitMethod;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepQuery;
import dev.fairlead.org.RepService;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamKind;
import dev.fairlead.org.TeamService;
import dev.fairlead.org.User;
import dev.fairlead.org.UserService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deals and goals for the demo organisation, loaded once after it (and never when deals or goals
 * exist): three deals per rep across the pipeline, some won this month and in the months before,
 * and the company's revenue goal for the year split to regions, teams, months and this month's reps.
 * Everything goes through the services, so it is validated and audited like real data.
 */
@Component
@Order(20)
class SalesDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SalesDemoData.class);
    private static final String[] CUSTOMERS = {"明远机械", "华光电子", "云帆物流", "恒力纺织", "新华印务", "精工汽配", "海潮食品", "瑞丰医疗",
            "Orient Retail", "Pacific Software"};
    private static final String[] PRODUCTS = {"CRM", "ERP", "analytics", "cloud"};

    private final boolean enabled;
    private final TeamService teams;
    private final RepService reps;
    private final UserService users;
    private final DealService deals;
    private final GoalService goals;
    private final CreditSubmissions submissions;
    private final CreditConfirmations confirmations;
    private final Clock clock;

    SalesDemoData(@Value("${fairlead.demo-data.enabled:true}") boolean enabled, TeamService teams, RepService reps, UserService users,
            DealService deals, GoalService goals, CreditSubmissions submissions, CreditConfirmations confirmations, Clock clock) {
        this.submissions = submissions;
        this.confirmations = confirmations;
        this.enabled = enabled;
        this.teams = teams;
        this.reps = reps;
        this.users = users;
        this.deals = deals;
        this.goals = goals;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Viewer system = Viewer.system();
        Optional<User> director = users.list(system).stream().filter(u -> u.role() == Role.DIRECTOR).findFirst();
        Optional<Team> company = teams.list(system, false).stream().filter(t -> t.kind() == TeamKind.COMPANY).findFirst();
        if (!enabled || director.isEmpty() || company.isEmpty()
                || !deals.list(system, new DealQuery(null, null, null, null, null, null, null, 0, 1)).isEmpty()
                || !goals.roots(system, null, null).isEmpty()) {
            return;
        }
        loadDeals(system);
        loadGoals(system, company.get(), director.get());
        log.info("Demo deals and goals loaded: three deals per rep, the company's revenue goal for this year split down to reps");
    }

    private void loadDeals(Viewer system) {
        Random random = new Random(20261201L);
        LocalDate today = LocalDate.now(clock);
        int n = 0;
        for (Rep rep : reps.list(system, new RepQuery(null, null, null, true))) {
            for (int i = 0; i < 3; i++, n++) {
                String name = CUSTOMERS[n % CUSTOMERS.length] + " " + PRODUCTS[(n / 3) % PRODUCTS.length];
                BigDecimal amount = BigDecimal.valueOf(20_000 + random.nextInt(48) * 10_000L);
                Deal deal = deals.create(system, new DealCommand(name, null, null, rep.id(), amount, null, null, null,
                        today.plusDays(7 + random.nextInt(80)), null));
                int fate = random.nextInt(10);
                String[] path = {"needs", "proposal", "negotiation"};
                int steps = fate < 3 ? random.nextInt(3) : 3;
                for (int s = 0; s < steps; s++) {
                    deals.move(system, deal.id(), StageMove.to(path[s]));
                }
                if (fate >= 3 && fate < 7) {
                    LocalDate wonOn = today.minusDays(random.nextInt(Math.max(1, today.getDayOfMonth())) + (fate == 6 ? 35 : 0));
                    deals.move(system, deal.id(), new StageMove("won", null, null, wonOn, null));
                    confirmResult(rep, deal.id(), n, wonOn.getMonth() == today.getMonth() && wonOn.getYear() == today.getYear());
                } else if (fate >= 7 && fate < 9) {
                    deals.move(system, deal.id(), new StageMove("lost", null, fate == 7 ? "价格太高 Price too high" : "选择了竞品 Chose a competitor", null, null));
                }
            }
        }
    }

    /**
     * Revenue is confirmed credit (decision 0502): most of this month's wins are confirmed, so the demo
     * scorecards and goals show money; every fourth waits for the manager, and earlier months' wins
     * wait for finance, so both queues have work in them.
     */
    private void confirmResult(Rep rep, long dealId, int n, boolean thisMonth) {
        Viewer owner = new Viewer(0, "demo", Role.REP, rep.teamId(), rep.id());
        CreditEntry submitted = submissions.submit(owner, dealId, new CreditCommand(null, null, null, null, null, "合同已签 Contract signed"));
        if (n % 4 == 3) {
            return;
        }
        confirmations.approve(new Viewer(0, "demo", Role.DIRECTOR, null, null), submitted.id());
        if (thisMonth) {
            confirmations.confirm(new Viewer(0, "demo", Role.FINANCE, null, null), submitted.id());
        }
    }

    private void loadGoals(Viewer system, Team company, User director) {
        int year = LocalDate.now(clock).getYear();
        Goal root = goals.create(system, new GoalCommand(GoalMetric.REVENUE, company.id(), null, String.valueOf(year),
                new BigDecimal("60000000"), new BigDecimal("50000000"), new BigDecimal("72000000"), director.id()));
        SplitCommand toUnits = new SplitCommand(SplitAxis.ORG, SplitMethod.EQUAL, null, Map.of(), null, "demo plan", false);
        SplitCommand toMonths = new SplitCommand(SplitAxis.CALENDAR, SplitMethod.WORKING_DAYS, PeriodKind.MONTH, Map.of(), null, "demo plan", false);
        String thisMonth = Period.of(PeriodKind.MONTH, LocalDate.now(clock)).label();
        goals.split(system, root.id(), toUnits);
        for (GoalProgress region : goals.children(system, root.id())) {
            goals.split(system, region.goal().id(), toUnits);
            for (GoalProgress team : goals.children(system, region.goal().id())) {
                goals.split(system, team.goal().id(), toMonths);
                List<GoalProgress> months = goals.children(system, team.goal().id());
                months.stream().filter(m -> m.goal().period().label().equals(thisMonth)).findFirst()
                        .ifPresent(m -> goals.split(system, m.goal().id(), toUnits));
            }
        }
    }
}
