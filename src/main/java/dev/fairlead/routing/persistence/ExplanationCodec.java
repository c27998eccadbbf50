package dev.fairlead.routing.persistence;

import dev.fairlead.org.Tier;
import dev.fairlead.routing.domain.Condition;
import dev.fairlead.routing.domain.Explanation;
import dev.fairlead.routing.domain.Reason;
import dev.fairlead.routing.domain.StrategyKind;
import dev.fairlead.routing.domain.ValueModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routing explanations stored as the engine knows them (decision 0215): reason codes and numbers,
 * candidate rep ids; the rule set's id and version, the outcome, winner and deciding rule are the
 * assignment row's own columns ({@link Header}); rule names, strategies and conditions and the reps'
 * names are rendered at read time from the rule set and the reps. Candidates excluded for the same reason
 * are one group; rep ids are stored as differences from the previous one; the tiers as runs; figure
 * names once per rule. An explanation the compact form cannot carry exactly (checked on every write
 * by decoding it again against the facts it came with) is stored in the full form, which is also
 * how explanations were stored before: {@link #decode} reads both.
 */
public final class ExplanationCodec {

    /** The compact format's version, under {@code f}. */
    static final int FORMAT = 2;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * What the assignment row itself says of the decision (its columns): a compact explanation does
     * not repeat it. An explanation whose row says otherwise is stored in full.
     */
    public record Header(Long ruleSetId, Integer ruleSetVersion, Explanation.Outcome outcome, Long winnerRepId, String ruleKey) {

        boolean describes(Explanation e) {
            return (ruleSetId == null ? 0 : ruleSetId) == e.ruleSetId() && ruleSetVersion != null && ruleSetVersion == e.ruleSetVersion()
                    && outcome == e.outcome() && java.util.Objects.equals(winnerRepId, e.winnerRepId())
                    && java.util.Objects.equals(ruleKey, e.ruleKey());
        }
    }

    /** A rule of the rule set an explanation refers to, as the engine traced it. */
    public record RuleInfo(String key, String name, StrategyKind strategy, List<Condition> conditions) {}

    /** What the compact form leaves out: the rules of a rule set (in order) and reps' names. */
    public interface Facts {
        /** The rules of the rule set, in order; empty when it is not known. */
        List<RuleInfo> rules(long ruleSetId);

        /** The rep's name; null when not known. */
        String repName(long repId);
    }

    /** No rules and no names: enough to read the full form, which carries its own. */
    public static final Facts NO_FACTS = new Facts() {
        @Override
        public List<RuleInfo> rules(long ruleSetId) {
            return List.of();
        }

        @Override
        public String repName(long repId) {
            return null;
        }
    };

    private final JsonMapper json;

    public ExplanationCodec(JsonMapper json) {
        this.json = json;
    }

    /**
     * The stored text of {@code e} for a row that says {@code header}: compact when it decodes back to
     * exactly {@code e}, the full form otherwise.
     */
    public String encode(Explanation e, Header header) {
        if (e == null) {
            return null;
        }
        ObjectNode compact = header.describes(e) ? compact(e) : null;
        try {
            if (compact != null && e.equals(expand(compact, header, factsOf(e)))) {
                return json.writeValueAsString(compact);
            }
        } catch (RuntimeException notRepresentable) {
            // e.g. a value the compact form has no place for: the full form carries it
        }
        return json.writeValueAsString(e);
    }

    /** The header of the row {@code e} would be stored in by the routing paths. */
    public static Header headerOf(Explanation e) {
        return new Header(e.ruleSetId() == 0 ? null : e.ruleSetId(), e.ruleSetVersion(), e.outcome(), e.winnerRepId(), e.ruleKey());
    }

    /** Whether the stored text is in the compact form (else the full form). */
    public boolean isCompact(String stored) {
        return stored != null && json.readTree(stored).has("f");
    }

    /** The rep ids a stored explanation names, so their names can be read at once. */
    public Set<Long> repIds(String stored) {
        Set<Long> ids = new LinkedHashSet<>();
        if (stored == null) {
            return ids;
        }
        JsonNode tree = json.readTree(stored);
        if (!tree.has("f")) {
            Explanation e = json.treeToValue(tree, Explanation.class);
            e.rules().forEach(r -> r.candidates().forEach(c -> ids.add(c.repId())));
            return ids;
        }
        for (JsonNode rule : tree.path("r")) {
            for (JsonNode group : rule.path("x")) {
                ids.addAll(undelta(group.get(2)));
            }
            long id = 0;
            JsonNode rows = rule.path("e");
            int stride = stride(rule);
            for (int i = 0; i < rows.size(); i += stride) {
                id += rows.get(i).asLong();
                ids.add(id);
            }
        }
        return ids;
    }

    /** The explanation a stored text holds, in either form, in a row that says {@code header}. */
    public Explanation decode(String stored, Header header, Facts facts) {
        if (stored == null) {
            return null;
        }
        JsonNode tree = json.readTree(stored);
        return tree.has("f") ? expand(tree, header, facts) : json.treeToValue(tree, Explanation.class);
    }

    // ---- writing ----

    private static ObjectNode compact(Explanation e) {
        ObjectNode root = NODES.objectNode();
        root.put("f", FORMAT);
        if (e.value() != null) {
            root.set("p", NODES.arrayNode().add(e.value().probability()).add(e.value().expectedValue()).add(e.value().points()));
        }
        if (e.why() != null) {
            root.set("y", reason(e.why()));
        }
        ArrayNode rules = root.putArray("r");
        for (Explanation.RuleTrace rule : e.rules()) {
            ObjectNode r = rules.addObject();
            r.put("m", rule.matched() ? 1 : 0);
            if (!rule.conditions().isEmpty()) {
                ArrayNode conditions = r.putArray("c");
                rule.conditions().forEach(c -> conditions.addArray().add(c.actual()).add(c.matched() ? 1 : 0));
            }
            Reason defaultNote = rule.matched() ? null : NOT_MET;
            if (!java.util.Objects.equals(rule.note(), defaultNote)) {
                r.set("n", rule.note() == null ? NODES.nullNode() : reason(rule.note()));
            }
            if (!candidates(r, rule)) {
                return null;
            }
        }
        return root;
    }

    private static final Reason NOT_MET = Reason.of("conditionsNotMet");

    /** The rule's candidates: excluded ones grouped by policy and reason, eligible ones with their figures. */
    private static boolean candidates(ObjectNode r, Explanation.RuleTrace rule) {
        Map<List<Object>, List<Explanation.CandidateTrace>> groups = new LinkedHashMap<>();
        List<Explanation.CandidateTrace> eligible = new ArrayList<>();
        for (Explanation.CandidateTrace c : rule.candidates()) {
            if (c.tier() == null) {
                return false;
            }
            if (c.eligible()) {
                eligible.add(c);
            } else {
                groups.computeIfAbsent(List.of(String.valueOf(c.policy()), c.exclusion() == null ? List.of() : List.of(c.exclusion())),
                        k -> new ArrayList<>()).add(c);
            }
        }
        if (!groups.isEmpty()) {
            ArrayNode x = r.putArray("x");
            groups.forEach((key, members) -> {
                Explanation.CandidateTrace first = members.get(0);
                ArrayNode g = x.addArray();
                g.add(first.policy());
                g.add(first.exclusion() == null ? NODES.nullNode() : reason(first.exclusion()));
                g.add(delta(members.stream().map(Explanation.CandidateTrace::repId).toList()));
                g.add(tiers(members));
            });
        }
        if (!eligible.isEmpty()) {
            List<String> keys = new ArrayList<>();
            eligible.forEach(c -> c.figures().keySet().forEach(k -> {
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            }));
            List<Column> columns = keys.stream().map(k -> Column.of(k, eligible)).toList();
            if (!keys.isEmpty()) {
                ArrayNode fk = r.putArray("fk");
                columns.forEach(c -> fk.add(c.key()));
                if (columns.stream().anyMatch(c -> c.mode() != 'r')) {
                    ArrayNode fm = r.putArray("fm");
                    columns.forEach(c -> c.mode(fm));
                }
            }
            ArrayNode row = r.putArray("e");
            ArrayNode notes = NODES.arrayNode();
            long previous = 0;
            for (int i = 0; i < eligible.size(); i++) {
                Explanation.CandidateTrace c = eligible.get(i);
                row.add(c.repId() - previous);
                previous = c.repId();
                for (Column column : columns) {
                    column.write(row, i);
                }
                if (c.note() != null) {
                    notes.addArray().add(i).add(reason(c.note()));
                }
            }
            r.put("et", tiers(eligible));
            if (!notes.isEmpty()) {
                r.set("en", notes);
            }
        }
        return true;
    }

    /**
     * One figure of a rule's eligible candidates, stored the shortest exact way: once when all share
     * it ({@code ["c", value]}); as integers scaled by 10^s, in differences from the candidate before
     * when that is shorter ({@code ["d", s]} or {@code ["s", s]}); or as the numbers themselves ({@code 0}).
     */
    private record Column(String key, List<Double> values, char mode, int scale, long[] ints) {

        static Column of(String key, List<Explanation.CandidateTrace> eligible) {
            List<Double> values = eligible.stream().map(c -> c.figures().get(key)).toList();
            if (values.contains(null)) {
                return new Column(key, values, 'r', 0, null);
            }
            if (values.stream().distinct().count() == 1) {
                return new Column(key, values, 'c', 0, null);
            }
            for (int scale = 0; scale <= 6; scale++) {
                long[] ints = scaled(values, scale);
                if (ints != null) {
                    long plain = 0;
                    long delta = 0;
                    for (int i = 0; i < ints.length; i++) {
                        plain += Long.toString(ints[i]).length();
                        delta += Long.toString(i == 0 ? ints[0] : ints[i] - ints[i - 1]).length();
                    }
                    // integers stored as they are read the same as plain numbers, and say no more
                    return delta < plain ? new Column(key, values, 'd', scale, ints)
                            : scale == 0 ? new Column(key, values, 'r', 0, null) : new Column(key, values, 's', scale, ints);
                }
            }
            return new Column(key, values, 'r', 0, null);
        }

        /** The values as integers times 10^scale when each reads back exactly so; null otherwise. */
        private static long[] scaled(List<Double> values, int scale) {
            double factor = Math.pow(10, scale);
            long[] ints = new long[values.size()];
            for (int i = 0; i < ints.length; i++) {
                double v = values.get(i);
                if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v * factor) > 1e15 || (v == 0 && 1 / v < 0)) {
                    return null;
                }
                long n = Math.round(v * factor);
                if (unscale(n, scale) != v) {
                    return null;
                }
                ints[i] = n;
            }
            return ints;
        }

        void mode(ArrayNode fm) {
            switch (mode) {
                case 'c' -> number(fm.addArray().add("c"), values.get(0));
                case 'd', 's' -> fm.addArray().add(String.valueOf(mode)).add(scale);
                default -> fm.add(0);
            }
        }

        void write(ArrayNode row, int i) {
            switch (mode) {
                case 'c' -> { }
                case 'd' -> row.add(i == 0 ? ints[0] : ints[i] - ints[i - 1]);
                case 's' -> row.add(ints[i]);
                default -> {
                    if (values.get(i) == null) {
                        row.addNull();
                    } else {
                        number(row, values.get(i));
                    }
                }
            }
        }
    }

    /** Numbers per eligible candidate in a rule's {@code e}: the rep id and each figure not shared by all. */
    private static int stride(JsonNode rule) {
        int stride = 1;
        JsonNode modes = rule.path("fm");
        for (int k = 0; k < rule.path("fk").size(); k++) {
            JsonNode m = modes.get(k);
            stride += m != null && m.isArray() && "c".equals(m.get(0).asString()) ? 0 : 1;
        }
        return stride;
    }

    /** {@code n} ÷ 10^scale, the way the strategies round their figures. */
    private static double unscale(long n, int scale) {
        return scale == 0 ? (double) n : n / Math.pow(10, scale);
    }

    private static ArrayNode reason(Reason reason) {
        ArrayNode a = NODES.arrayNode().add(reason.code());
        reason.args().forEach(a::add);
        return a;
    }

    private static void number(ArrayNode row, double v) {
        // integral figures (counts, weights, points) as integers: "3", not "3.0"
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
            row.add((long) v);
        } else {
            row.add(v);
        }
    }

    private static ArrayNode delta(List<Long> ids) {
        ArrayNode a = NODES.arrayNode();
        long previous = 0;
        for (long id : ids) {
            a.add(id - previous);
            previous = id;
        }
        return a;
    }

    /** Tiers as runs, e.g. {@code R24S3N1}. */
    private static String tiers(List<Explanation.CandidateTrace> candidates) {
        StringBuilder s = new StringBuilder();
        int i = 0;
        while (i < candidates.size()) {
            Tier t = candidates.get(i).tier();
            int j = i;
            while (j < candidates.size() && candidates.get(j).tier() == t) {
                j++;
            }
            s.append(TIER_CODES.get(t)).append(j - i);
            i = j;
        }
        return s.toString();
    }

    private static final Map<Tier, Character> TIER_CODES = Map.of(Tier.NEW, 'N', Tier.REGULAR, 'R', Tier.SENIOR, 'S',
            Tier.KEY_ACCOUNT, 'K');
    private static final Map<Character, Tier> TIERS = new HashMap<>();

    static {
        TIER_CODES.forEach((tier, code) -> TIERS.put(code, tier));
    }

    // ---- reading ----

    private static Explanation expand(JsonNode root, Header header, Facts facts) {
        long ruleSetId = header.ruleSetId() == null ? 0 : header.ruleSetId();
        List<RuleInfo> known = facts.rules(ruleSetId);
        JsonNode p = root.get("p");
        ValueModel.LeadValue value = p == null ? null
                : new ValueModel.LeadValue(p.get(0).asDouble(), p.get(1).asDouble(), p.get(2).asDouble());
        Explanation.Outcome outcome = header.outcome();
        Long winner = header.winnerRepId();
        String ruleKey = header.ruleKey();
        List<Explanation.RuleTrace> rules = new ArrayList<>();
        int index = 0;
        for (JsonNode r : root.path("r")) {
            RuleInfo info = index < known.size() ? known.get(index) : new RuleInfo("?" + index, "#" + (index + 1), null, List.of());
            index++;
            boolean matched = r.path("m").asInt() == 1;
            List<Explanation.ConditionTrace> conditions = new ArrayList<>();
            int ci = 0;
            for (JsonNode c : r.path("c")) {
                Condition condition = ci < info.conditions().size() ? info.conditions().get(ci) : null;
                ci++;
                String actual = c.get(0).isNull() ? null : c.get(0).asString();
                conditions.add(condition == null
                        ? new Explanation.ConditionTrace(null, null, List.of(), null, null, actual, c.get(1).asInt() == 1)
                        : new Explanation.ConditionTrace(condition.field(), condition.operator(), condition.values(), condition.min(),
                                condition.max(), actual, c.get(1).asInt() == 1));
            }
            Reason note = r.has("n") ? reason(r.get("n")) : matched ? null : NOT_MET;
            boolean deciding = winner != null && info.key().equals(ruleKey);
            rules.add(new Explanation.RuleTrace(info.key(), info.name(), info.strategy(), matched, conditions,
                    candidates(r, facts, deciding ? winner : null), note));
        }
        return new Explanation(ruleSetId, header.ruleSetVersion() == null ? 0 : header.ruleSetVersion(), value, rules, outcome, winner, ruleKey,
                root.has("y") ? reason(root.get("y")) : null);
    }

    private static List<Explanation.CandidateTrace> candidates(JsonNode r, Facts facts, Long winner) {
        List<Explanation.CandidateTrace> excluded = new ArrayList<>();
        for (JsonNode g : r.path("x")) {
            String policy = g.get(0).isNull() ? null : g.get(0).asString();
            Reason exclusion = reason(g.get(1));
            List<Long> ids = undelta(g.get(2));
            List<Tier> tiers = tiers(g.get(3).asString());
            for (int i = 0; i < ids.size(); i++) {
                long id = ids.get(i);
                excluded.add(new Explanation.CandidateTrace(id, name(facts, id), tiers.get(i), false, policy, exclusion, Map.of(),
                        null, false));
            }
        }
        excluded.sort(Comparator.comparingLong(Explanation.CandidateTrace::repId));
        List<Explanation.CandidateTrace> result = new ArrayList<>(excluded);
        JsonNode rows = r.path("e");
        if (rows.isEmpty()) {
            return result;
        }
        List<String> keys = new ArrayList<>();
        r.path("fk").forEach(k -> keys.add(k.asString()));
        JsonNode modes = r.path("fm");
        List<Tier> tiers = tiers(r.path("et").asString());
        Map<Integer, Reason> notes = new HashMap<>();
        r.path("en").forEach(n -> notes.put(n.get(0).asInt(), reason(n.get(1))));
        long[] last = new long[keys.size()];
        long id = 0;
        int i = 0;
        int stride = stride(r);
        for (int at = 0; at < rows.size(); at += stride) {
            id += rows.get(at).asLong();
            Map<String, Double> figures = new LinkedHashMap<>();
            int column = 0;
            for (int k = 0; k < keys.size(); k++) {
                JsonNode m = modes.get(k);
                String mode = m != null && m.isArray() ? m.get(0).asString() : "r";
                if (mode.equals("c")) {
                    figures.put(keys.get(k), m.get(1).asDouble());
                    continue;
                }
                JsonNode v = rows.get(at + 1 + column++);
                if (mode.equals("d") || mode.equals("s")) {
                    long n = mode.equals("d") && i > 0 ? last[k] + v.asLong() : v.asLong();
                    last[k] = n;
                    figures.put(keys.get(k), unscale(n, m.get(1).asInt()));
                } else if (v != null && !v.isNull()) {
                    figures.put(keys.get(k), v.asDouble());
                }
            }
            result.add(new Explanation.CandidateTrace(id, name(facts, id), tiers.get(i), true, null, null, figures, notes.get(i),
                    winner != null && winner == id));
            i++;
        }
        return result;
    }

    private static String name(Facts facts, long repId) {
        String name = facts.repName(repId);
        return name != null ? name : "#" + repId;
    }

    private static Reason reason(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> args = new ArrayList<>();
        for (int i = 1; i < node.size(); i++) {
            args.add(node.get(i).asString());
        }
        return new Reason(node.get(0).asString(), args);
    }

    private static List<Long> undelta(JsonNode node) {
        List<Long> ids = new ArrayList<>();
        long id = 0;
        for (JsonNode d : node) {
            id += d.asLong();
            ids.add(id);
        }
        return ids;
    }

    private static List<Tier> tiers(String runs) {
        List<Tier> tiers = new ArrayList<>();
        int i = 0;
        while (i < runs.length()) {
            Tier t = TIERS.get(runs.charAt(i++));
            int start = i;
            while (i < runs.length() && Character.isDigit(runs.charAt(i))) {
                i++;
            }
            int n = Integer.parseInt(runs.substring(start, i));
            for (int k = 0; k < n; k++) {
                tiers.add(t);
            }
        }
        return tiers;
    }

    /** The facts an explanation carries itself, to check on writing that its compact form reads back the same. */
    private static Facts factsOf(Explanation e) {
        List<RuleInfo> rules = e.rules().stream().map(r -> new RuleInfo(r.key(), r.name(), r.strategy(),
                r.conditions().stream().map(c -> new Condition(c.field(), c.operator(), c.values(), c.min(), c.max())).toList())).toList();
        Map<Long, String> names = new HashMap<>();
        e.rules().forEach(r -> r.candidates().forEach(c -> names.put(c.repId(), c.name())));
        LongFunction<String> name = names::get;
        return new Facts() {
            @Override
            public List<RuleInfo> rules(long ruleSetId) {
                return rules;
            }

            @Override
            public String repName(long repId) {
                return name.apply(repId);
            }
        };
    }
}
