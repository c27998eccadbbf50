package dev.fairlead.demo;

import dev.fairlead.common.Role;
import dev.fairlead.common.Viewer;
import dev.fairlead.deals.ConvertLeadCommand;
import dev.fairlead.deals.Deal;
import dev.fairlead.deals.DealService;
import dev.fairlead.leads.Behaviour;
import dev.fairlead.leads.BehaviourKind;
import dev.fairlead.leads.CompanySize;
import dev.fairlead.leads.IntakeOutcome;
import dev.fairlead.leads.Lead;
import dev.fairlead.leads.LeadCommand;
import dev.fairlead.leads.LeadQuery;
import dev.fairlead.leads.LeadService;
import dev.fairlead.leads.LeadSource;
import dev.fairlead.leads.LeadStatus;
import dev.fairlead.org.Rep;
import dev.fairlead.org.RepService;
import dev.fairlead.org.Team;
import dev.fairlead.org.TeamKind;
import dev.fairlead.org.TeamService;
import dev.fairlead.org.User;
import dev.fairlead.org.UserService;
import dev.fairlead.pool.PoolClaims;
import dev.fairlead.pool.PoolCommand;
import dev.fairlead.pool.PoolService;
import dev.fairlead.pool.RecoveryRule;
import dev.fairlead.routing.RuleCondition;
import dev.fairlead.routing.RuleDefinition;
import dev.fairlead.routing.RuleSetCommand;
import dev.fairlead.routing.RuleSetService;
import dev.fairlead.routing.RuleSetView;
import dev.fairlead.routing.TargetKind;
import dev.fairlead.routing.domain.LeadField;
import dev.fairlead.routing.domain.Match;
import dev.fairlead.routing.domain.Operator;
import dev.fairlead.routing.domain.PeriodKind;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.scoring.ScoringService;
import dev.fairlead.work.FollowUpCommand;
import dev.fairlead.work.FollowUpKind;
import dev.fairlead.work.FollowUpOutcome;
import dev.fairlead.work.FollowUpService;
import dev.fairlead.work.TaskCommand;
import dev.fairlead.work.TaskService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A working day for the demo organisation, loaded once when it has no leads yet: a pool per region
 * with recovery rules, a routing rule set that reads like a real one (tiered A/B leads in the East,
 * fairness points for the rest of the East, smooth weighted round robin in the South, least loaded
 * elsewhere), about 220 leads through the real intake path (validated, de-duplicated, scored,
 * routed and explained — a few arrive twice and are merged or flagged), closed history the
 * predictive model learns from, and the reps' day: follow-ups (with next-step tasks), status
 * changes, tasks in every quadrant (some overdue) and leads released to the pools. Everything goes
 * through the services, so it is validated and audited like real data.
 */
@Component
@Order(30)
class LeadsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LeadsDemoData.class);

    private static final String[] NAMES = {"明远", "华光", "云帆", "恒力", "新华", "精工", "海潮", "瑞丰", "东方", "金桥", "天合", "博远",
            "中科", "嘉禾", "长风", "启明", "远航", "银河", "绿洲", "万达"};
    private static final String[] TRADES = {"机械", "电子", "物流", "纺织", "科技", "医疗器械", "食品", "汽配", "软件", "新能源"};
    private static final String[] INDUSTRIES = {"制造业", "零售", "物流", "医疗", "软件", "金融"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "涛", "明", "超", "霞"};
    private static final String[] TITLES = {"采购经理", "总经理", "IT 总监", "CEO", "运营主管", "财务经理", "信息化负责人", "销售总监"};
    private static final String[] PRODUCTS = {"crm", "erp", "analytics", "cloud"};
    private static final String[] RELEASE_REASONS = {"客户暂无预算，明年再跟 No budget this year", "多次联系不上 Unreachable",
            "客户已选竞品 Went with a competitor", "不在我的行业范围 Outside my industries"};
    private static final String[] NOTES = {"电话沟通了需求，对报表模块感兴趣", "加了微信，发送了产品资料", "约了下周上门演示",
            "客户在比较两家供应商，关注价格", "Discussed the rollout plan with IT", "Sent the pricing sheet and a case study"};

    /** Where the demo leads come from: province and city codes, weighted by how often they appear. */
    private record Place(String province, String city, int weight) {}

    private static final List<Place> PLACES = List.of(
            new Place("31", "3101", 6), new Place("33", "3301", 4), new Place("33", "3302", 2),
            new Place("44", "4403", 5), new Place("44", "4401", 4), new Place("45", "4501", 2),
            new Place("11", "1101", 2), new Place("51", "5101", 1));

    private final boolean enabled;
    private final TeamService teams;
    private final RepService reps;
    private final UserService users;
    private final LeadService leads;
    private final RuleSetService ruleSets;
    private final PoolService pools;
    private final PoolClaims claims;
    private final FollowUpService followUps;
    private final TaskService tasks;
    private final DealService deals;
    private final ScoringService scoring;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LeadsDemoData(@Value("${fairlead.demo-data.enabled:true}") boolean enabled, TeamService teams, RepService reps, UserService users,
            LeadService leads, RuleSetService ruleSets, PoolService pools, PoolClaims claims, FollowUpService followUps,
            TaskService tasks, DealService deals, ScoringService scoring, JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.enabled = enabled;
        this.teams = teams;
        this.reps = reps;
        this.users = users;
        this.leads = leads;
        this.ruleSets = ruleSets;
        this.pools = pools;
        this.claims = claims;
        this.followUps = followUps;
        this.tasks = tasks;
        this.deals = deals;
        this.scoring = scoring;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Viewer system = Viewer.system();
        Optional<User> director = users.list(system).stream().filter(u -> u.role() == Role.DIRECTOR).findFirst();
        List<Team> all = teams.list(system, false);
        Optional<Team> east = region(all, "East");
        Optional<Team> south = region(all, "South");
        if (!enabled || director.isEmpty() || east.isEmpty() || south.isEmpty()
                || !leads.list(system, new LeadQuery(null, null, null, null, null, 0, 1)).isEmpty()) {
            return;
        }
        Viewer boss = new Viewer(director.get().id(), director.get().username(), Role.DIRECTOR, director.get().teamId(), null);
        Random random = new Random(20261123L);
        transaction.executeWithoutResult(status -> {
            pools(boss, east.get(), south.get());
            rules(boss, east.get(), south.get());
        });
        int[] arrivals = transaction.execute(status -> arrivals(random));
        closedHistory(random);
        awaitAfterCommitWork();
        int[] day = transaction.execute(status -> workingDay(system, random));
        scoring.retrain("demo");
        log.info("Demo leads loaded: {} leads ({} merged, {} flagged as duplicates), {} follow-ups, {} tasks, {} released to the pools",
                arrivals[0], arrivals[1], arrivals[2], day[0], day[1], day[2]);
    }

    private static Optional<Team> region(List<Team> teams, String name) {
        return teams.stream().filter(t -> t.kind() == TeamKind.REGION && t.name().contains(name)).findFirst();
    }

    private void pools(Viewer boss, Team east, Team south) {
        List<RecoveryRule> rules = List.of(new RecoveryRule("A", 5, 30, 1), new RecoveryRule(null, 10, 45, 2));
        pools.create(boss, new PoolCommand("华东公海 East pool", "华东大区的线索：无人可分、退回或回收 East China leads nobody owns",
                10, 60, false, 7, List.of(east.id()), rules, null));
        pools.create(boss, new PoolCommand("华南公海 South pool", "华南大区的线索：无人可分、退回或回收 South China leads nobody owns",
                10, 60, false, 7, List.of(south.id()), rules, null));
    }

    private void rules(Viewer boss, Team east, Team south) {
        RuleSetView draft = ruleSets.createDraft(boss, null, "2026 华东/华南分配规则 Regional routing");
        RuleCondition inEast = new RuleCondition(LeadField.PROVINCE, Operator.PREFIX, List.of("31", "33"), null, null);
        RuleCondition inSouth = new RuleCondition(LeadField.PROVINCE, Operator.PREFIX, List.of("44", "45"), null, null);
        RuleCondition gradeAB = new RuleCondition(LeadField.GRADE, Operator.IN, List.of("A", "B"), null, null);
        List<RuleDefinition> rules = List.of(
                new RuleDefinition(null, "华东 A/B 级：大客户与资深优先 East A/B: senior first", Match.ALL, List.of(inEast, gradeAB),
                        TargetKind.TEAM, east.id(), true, null, null, StrategyKind.TIERED, true, false, PeriodKind.MONTH, null, null,
                        null, Map.of("A", "KEY_ACCOUNT, SENIOR > REGULAR", "B", "SENIOR > REGULAR", "C", "REGULAR > NEW", "D", "NEW > REGULAR")),
                new RuleDefinition(null, "华东其他线索：积分制 East: fairness points", Match.ALL, List.of(inEast),
                        TargetKind.TEAM, east.id(), true, null, null, StrategyKind.FAIRNESS_POINTS, true, false, PeriodKind.MONTH, 0.5,
                        null, null, null),
                new RuleDefinition(null, "华南：平滑加权轮询 South: smooth weighted round robin", Match.ALL, List.of(inSouth),
                        TargetKind.TEAM, south.id(), true, null, null, StrategyKind.WEIGHTED_ROUND_ROBIN, true, false, PeriodKind.MONTH,
                        null, null, null, null),
                new RuleDefinition(null, "其他地区：全员最少负载 Elsewhere: least loaded", Match.ALL, List.of(),
                        TargetKind.EVERYONE, null, true, null, null, StrategyKind.LEAST_LOADED, false, false, PeriodKind.MONTH, null,
                        null, 1.0, null));
        ruleSets.updateDraft(boss, draft.id(), new RuleSetCommand(draft.name(), rules, null));
        ruleSets.activate(boss, draft.id(), "演示：按大区分配 Demo: route by region");
    }

    /** New leads through the intake path; returns {created, merged, flagged}. */
    private int[] arrivals(Random random) {
        int created = 0;
        int merged = 0;
        int flagged = 0;
        List<LeadCommand> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            LeadCommand lead = lead(i, random);
            sent.add(lead);
            created += leads.intake(Viewer.system(), lead, null, "demo") instanceof IntakeOutcome.Created ? 1 : 0;
        }
        for (int i = 0; i < 8; i++) {
            // the same person fills in a form again: same phone → merged into the open lead
            LeadCommand first = sent.get(random.nextInt(sent.size()));
            LeadCommand again = new LeadCommand(LeadSource.WEB_FORM, first.company(), first.contactName(), first.title(), first.phone(),
                    null, first.industry(), first.companySize(), first.provinceCode(), first.cityCode(), null, first.productInterest(),
                    null, List.of(new Behaviour(BehaviourKind.PRICING_VISIT, "/pricing", clock.instant().minus(2, ChronoUnit.HOURS))));
            merged += leads.intake(Viewer.system(), again, null, "demo") instanceof IntakeOutcome.Merged ? 1 : 0;
        }
        for (int i = 0; i < 3; i++) {
            // same company and contact from another number: flagged for a person to decide
            LeadCommand first = sent.get(random.nextInt(sent.size()));
            LeadCommand again = new LeadCommand(LeadSource.EVENT, first.company(), first.contactName(), first.title(),
                    "138" + String.format("%08d", 90_000_000 + i), null, first.industry(), first.companySize(), first.provinceCode(),
                    first.cityCode(), null, first.productInterest(), null, List.of());
            IntakeOutcome outcome = leads.intake(Viewer.system(), again, null, "demo");
            flagged += outcome instanceof IntakeOutcome.Flagged ? 1 : 0;
            merged += outcome instanceof IntakeOutcome.Merged ? 1 : 0;
            created += outcome instanceof IntakeOutcome.Created ? 1 : 0;
        }
        return new int[] {created + flagged, merged, flagged};
    }

    /** Won and lost leads with a pattern (larger companies that asked for a demo tend to buy), for the predictive model. */
    private void closedHistory(Random random) {
        for (int i = 0; i < 150; i++) {
            int n = 1_000 + i;
            transaction.executeWithoutResult(status -> {
                LeadCommand lead = lead(n, random);
                Lead created = leads.intake(Viewer.system(), lead, null, "demo").lead();
                boolean large = lead.companySize() == CompanySize.LARGE || lead.companySize() == CompanySize.ENTERPRISE;
                boolean demo = lead.behaviours().stream().anyMatch(b -> b.kind() == BehaviourKind.DEMO_REQUEST);
                int chance = large && demo ? 90 : large || demo ? 55 : 8;
                boolean won = random.nextInt(100) < chance;
                Viewer owner = created.ownerRepId() == null ? Viewer.system() : repViewer(created.ownerRepId(), created.ownerTeamId());
                leads.changeStatus(owner, created.id(), won ? LeadStatus.CONVERTED : LeadStatus.LOST,
                        won ? "签约 Signed" : "客户选择了竞品 Chose a competitor");
            });
        }
    }

    private LeadCommand lead(int n, Random random) {
        Place place = place(random);
        String company = NAMES[random.nextInt(NAMES.length)] + TRADES[random.nextInt(TRADES.length)] + "有限公司" + (n % 7 == 0 ? "" : " " + (n + 1));
        String contact = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
        CompanySize size = CompanySize.values()[random.nextInt(CompanySize.values().length)];
        List<Behaviour> behaviours = new ArrayList<>();
        Instant now = clock.instant();
        if (random.nextInt(3) == 0) {
            behaviours.add(new Behaviour(BehaviourKind.DEMO_REQUEST, "预约演示", now.minus(random.nextInt(72), ChronoUnit.HOURS)));
        }
        if (random.nextBoolean()) {
            behaviours.add(new Behaviour(BehaviourKind.PRICING_VISIT, "/pricing", now.minus(random.nextInt(120), ChronoUnit.HOURS)));
        }
        if (random.nextInt(4) == 0) {
            behaviours.add(new Behaviour(BehaviourKind.WEBINAR, "2026 数字化销售研讨会", now.minus(3 + random.nextInt(10), ChronoUnit.DAYS)));
        }
        LeadSource source = LeadSource.values()[random.nextInt(LeadSource.values().length)];
        return new LeadCommand(source, company, contact, TITLES[random.nextInt(TITLES.length)],
                "13" + (5 + random.nextInt(5)) + String.format("%08d", 10_000_000 + n * 37 % 89_999_999),
                random.nextInt(4) == 0 ? null : "contact" + n + "@" + "demo" + (n % 50) + ".example.cn",
                INDUSTRIES[random.nextInt(INDUSTRIES.length)], size, place.province(), place.city(), null,
                PRODUCTS[random.nextInt(PRODUCTS.length)], BigDecimal.valueOf(10_000L * (2 + random.nextInt(100))), behaviours);
    }

    private static Place place(Random random) {
        int total = PLACES.stream().mapToInt(Place::weight).sum();
        int pick = random.nextInt(total);
        for (Place p : PLACES) {
            pick -= p.weight();
            if (pick < 0) {
                return p;
            }
        }
        return PLACES.get(0);
    }

    /**
     * Assignment starts SLA timers after commit (event publication registry); the reps' follow-ups
     * must come after that, as they would in life. Waits, bounded, for the registry to drain.
     */
    private void awaitAfterCommitWork() {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)
                && jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class).single() > 0) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The reps' day; returns {follow-ups, tasks, released}. */
    private int[] workingDay(Viewer system, Random random) {
        Instant now = clock.instant();
        Optional<User> repLogin = users.list(system).stream().filter(u -> u.role() == Role.REP && u.repId() != null).findFirst();
        List<Lead> open = leads.list(system, new LeadQuery(null, null, null, null, null, 0, 500)).stream()
                .filter(l -> l.owned() && l.status() == LeadStatus.NEW && l.duplicateOf() == null).toList();
        int logged = 0;
        int created = 0;
        int released = 0;
        int converted = 0;
        int hers = 0;
        Long loginTeam = null;
        for (Lead lead : open) {
            Optional<User> login = repLogin.filter(u -> u.repId().equals(lead.ownerRepId()));
            Viewer owner = login.map(u -> new Viewer(u.id(), u.username(), Role.REP, u.teamId(), u.repId()))
                    .orElseGet(() -> repViewer(lead.ownerRepId(), lead.ownerTeamId()));
            if (login.isPresent()) {
                loginTeam = lead.ownerTeamId();
                int[] done = loginsDay(owner, lead, hers++, now);
                logged += done[0];
                created += done[1];
                continue;
            }
            int roll = random.nextInt(20);
            if (roll < 10) {
                FollowUpKind kind = FollowUpKind.values()[random.nextInt(FollowUpKind.values().length)];
                FollowUpOutcome outcome = roll < 6 ? FollowUpOutcome.POSITIVE : roll < 8 ? FollowUpOutcome.NEUTRAL : FollowUpOutcome.NO_RESPONSE;
                followUps.log(owner, lead.id(), new FollowUpCommand(kind, outcome, NOTES[random.nextInt(NOTES.length)],
                        outcome == FollowUpOutcome.POSITIVE ? "发送方案并约演示 Send proposal, book a demo" : "再次联系 Try again",
                        now.minus(random.nextInt(180), ChronoUnit.MINUTES), now.plus(1 + random.nextInt(96), ChronoUnit.HOURS)));
                logged++;
                created++;
                leads.changeStatus(owner, lead.id(), roll < 3 ? LeadStatus.QUALIFIED : LeadStatus.CONTACTED, "demo");
                if (roll < 3 && converted < 8) {
                    logged += workADeal(owner, lead, now);
                    created += 2;
                    converted++;
                }
            } else if (roll == 10 && released < 10) {
                claims.release(owner, lead.id(), RELEASE_REASONS[random.nextInt(RELEASE_REASONS.length)]);
                released++;
            } else if (roll < 13) {
                boolean important = random.nextBoolean();
                boolean urgent = random.nextBoolean();
                Instant due = roll == 11 ? now.minus(1 + random.nextInt(30), ChronoUnit.HOURS) : now.plus(2 + random.nextInt(72), ChronoUnit.HOURS);
                tasks.create(owner, new TaskCommand(roll == 11 ? "回电确认需求 Call back about requirements" : "准备报价单 Prepare the quote",
                        null, null, roll == 11 ? "CALL" : "PROPOSAL", important, urgent, due, lead.id(), null, null));
                created++;
            }
        }
        Long team = loginTeam;
        Long herId = repLogin.map(User::repId).orElse(null);
        // the demo rep's pool has a lead she may claim: a colleague of her team gave one back
        Optional<Lead> colleagues = open.stream().filter(l -> team != null && team.equals(l.ownerTeamId())
                && !l.ownerRepId().equals(herId) && l.status() == LeadStatus.NEW).reduce((a, b) -> b);
        if (colleagues.isPresent() && leads.getForSystem(colleagues.get().id()).owned()
                && leads.getForSystem(colleagues.get().id()).status() == LeadStatus.NEW) {
            Lead lead = colleagues.get();
            claims.release(repViewer(lead.ownerRepId(), lead.ownerTeamId()), lead.id(), RELEASE_REASONS[0]);
            released++;
        }
        for (int k = hers; k < LOGIN_DAY.length && repLogin.isPresent(); k++) {
            // fewer leads than the day has parts: her remaining tasks are not about a lead
            User u = repLogin.get();
            created += loginsTask(new Viewer(u.id(), u.username(), Role.REP, u.teamId(), u.repId()), null, k, now);
        }
        return new int[] {logged, created, released};
    }

    /**
     * The demo rep's leads, each given one part of a real day in turn: an untouched new lead with its
     * first-contact clock running, one contacted, one qualified and worked as a deal, and a task in
     * each quadrant of the Eisenhower matrix (one overdue). Returns {follow-ups, tasks}.
     */
    private int[] loginsDay(Viewer owner, Lead lead, int k, Instant now) {
        switch (k) {
            case 0 -> {
                return new int[] {0, 0};
            }
            case 1 -> {
                followUps.log(owner, lead.id(), new FollowUpCommand(FollowUpKind.CALL, FollowUpOutcome.POSITIVE, NOTES[0],
                        "发送方案并约演示 Send proposal, book a demo", now.minus(40, ChronoUnit.MINUTES), now.plus(1, ChronoUnit.DAYS)));
                leads.changeStatus(owner, lead.id(), LeadStatus.CONTACTED, "demo");
                return new int[] {1, 1};
            }
            case 2 -> {
                followUps.log(owner, lead.id(), new FollowUpCommand(FollowUpKind.VISIT, FollowUpOutcome.POSITIVE, NOTES[2],
                        "准备报价 Prepare the quote", now.minus(90, ChronoUnit.MINUTES), now.plus(2, ChronoUnit.DAYS)));
                leads.changeStatus(owner, lead.id(), LeadStatus.QUALIFIED, "demo");
                return new int[] {1 + workADeal(owner, lead, now), 3};
            }
            default -> {
                return new int[] {0, loginsTask(owner, lead.id(), k, now)};
            }
        }
    }

    /** Parts of the demo rep's day from the fourth on: tasks {title, important, urgent, hours from now}. */
    private static final Object[][] LOGIN_DAY = {{}, {}, {},
            {"回电确认需求 Call back about requirements", true, true, -2},
            {"准备季度方案 Prepare the quarterly proposal", true, false, 50},
            {"回复客户询价邮件 Answer the price enquiry", false, true, 4},
            {"整理名片录入线索 File business cards as leads", false, false, 75}};

    private int loginsTask(Viewer owner, Long leadId, int k, Instant now) {
        if (k < 3 || k >= LOGIN_DAY.length) {
            return 0;
        }
        Object[] t = LOGIN_DAY[k];
        tasks.create(owner, new TaskCommand((String) t[0], null, null, (boolean) t[2] ? "CALL" : "PROPOSAL", (boolean) t[1],
                (boolean) t[2], now.plus((int) t[3], ChronoUnit.HOURS), leadId, null, null));
        return 1;
    }

    /**
     * A qualified lead becomes a deal (and its company a customer); the owner meets them and plans
     * the next step on the deal. Returns the follow-ups logged.
     */
    private int workADeal(Viewer owner, Lead lead, Instant now) {
        Deal deal = deals.convertLead(owner, lead.id(), new ConvertLeadCommand(null, null, null, LocalDate.now(clock).plusDays(45),
                "需求已确认 Requirements confirmed"));
        followUps.logOnDeal(owner, deal.id(), new FollowUpCommand(FollowUpKind.MEETING, FollowUpOutcome.POSITIVE,
                "方案评审会：客户认可实施计划 Solution review: the plan is accepted", "发送正式报价 Send the formal quote",
                now.minus(1, ChronoUnit.HOURS), now.plus(2, ChronoUnit.DAYS)));
        tasks.create(owner, new TaskCommand("准备合同草稿 Draft the contract", null, null, "PROPOSAL", true, false,
                now.plus(3, ChronoUnit.DAYS), null, null, null, deal.id(), null));
        if (deal.customerId() != null) {
            followUps.logOnCustomer(owner, deal.customerId(), new FollowUpCommand(FollowUpKind.WECHAT, FollowUpOutcome.NEUTRAL,
                    "与财务确认开票信息 Invoicing details checked with their finance team", null, now.minus(30, ChronoUnit.MINUTES), null));
            return 2;
        }
        return 1;
    }

    private Viewer repViewer(long repId, Long teamId) {
        Rep rep = reps.get(Viewer.system(), repId);
        return new Viewer(-1, rep.name(), Role.REP, teamId == null ? rep.teamId() : teamId, repId);
    }
}
