package dev.fairlead.leads;

import dev.fairlead.common.FieldProblem;
import dev.fairlead.common.InvalidInputException;
import dev.fairlead.common.Validation;
import dev.fairlead.org.ChinaDivisions;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The checks an incoming lead passes before it is stored. {@link #validated} refuses a lead for any
 * problem; {@link #screen}, the intake channels' path, keeps a real prospect whose optional field is
 * bad: as long as the source, the contact name and one valid contact channel are there, the bad
 * optional fields (and bad behaviour events) are set aside for data-quality review and the lead is
 * stored without them, unless {@link IntakeRules#strict()} says to refuse it whole.
 */
@Component
public class LeadScreening {

    /** Fields a lead can be stored without; the contact name and source are not among them. */
    static final Set<String> OPTIONAL = Set.copyOf(LeadFields.NAMES);
    private static final Pattern BEHAVIOUR = Pattern.compile("^behaviours\\[(\\d+)\\].*");
    private static final int MAX_VALUE = 1000;

    /** A lead fit to store, with what was set aside to make it so (empty when nothing was). */
    public record Screened(LeadCommand command, List<SetAside> setAside) {}

    private final Validator validator;
    private final ChinaDivisions divisions;
    private final IntakeRules rules;
    private final MessageSource messages;
    private final Clock clock;

    LeadScreening(Validator validator, ChinaDivisions divisions, IntakeRules rules, MessageSource messages, Clock clock) {
        this.validator = validator;
        this.divisions = divisions;
        this.rules = rules;
        this.messages = messages;
        this.clock = clock;
    }

    /** Checks every field; returns the command with province and city in canonical six-digit form. */
    public LeadCommand validated(LeadCommand cmd) {
        Validation.throwIfAny(problems(cmd));
        return canonical(cmd);
    }

    /**
     * {@link #validated}, but a lead that is still a reachable prospect without its bad optional
     * fields is returned without them, and they are listed as set aside. Throws
     * {@link InvalidInputException} with every problem when the lead cannot be kept, or when intake is strict.
     */
    public Screened screen(LeadCommand cmd) {
        List<FieldProblem> problems = problems(cmd);
        if (problems.isEmpty()) {
            return new Screened(canonical(cmd), List.of());
        }
        Set<String> fields = new TreeSet<>();
        Set<Integer> behaviours = new TreeSet<>();
        for (FieldProblem p : problems) {
            Matcher m = BEHAVIOUR.matcher(p.field());
            if (m.matches()) {
                behaviours.add(Integer.parseInt(m.group(1)));
            } else if (OPTIONAL.contains(p.field()) && !"lead.contact.required".equals(p.code())) {
                fields.add(p.field());
            } else {
                throw new InvalidInputException(problems);
            }
        }
        if (rules.strict()) {
            throw new InvalidInputException(problems);
        }
        LeadCommand kept = without(cmd, fields, behaviours);
        if (!problems(kept).isEmpty()) {
            // Without its bad fields nothing reaches the person (no valid phone or e-mail left): refuse it whole.
            throw new InvalidInputException(problems);
        }
        return new Screened(canonical(kept), setAside(cmd, fields, behaviours));
    }

    private List<FieldProblem> problems(LeadCommand cmd) {
        List<FieldProblem> problems = new ArrayList<>(Validation.check(validator, cmd));
        String province = cmd.provinceCode() == null ? null : divisions.canonicalProvince(cmd.provinceCode()).orElse(null);
        if (cmd.provinceCode() != null && province == null) {
            problems.add(FieldProblem.of("provinceCode", "lead.province.unknown", cmd.provinceCode()));
        }
        if (cmd.cityCode() != null) {
            String city = divisions.canonicalCity(cmd.cityCode()).orElse(null);
            if (city == null) {
                problems.add(FieldProblem.of("cityCode", "lead.city.unknown", cmd.cityCode()));
            } else if (province != null && !city.startsWith(province.substring(0, 2))) {
                problems.add(FieldProblem.of("cityCode", "lead.city.notInProvince", cmd.cityCode()));
            }
        }
        if (cmd.phone() == null && cmd.email() == null) {
            problems.add(FieldProblem.of("phone", "lead.contact.required"));
        }
        Instant latest = clock.instant().plus(rules.clockSkew());
        for (int i = 0; i < cmd.behaviours().size(); i++) {
            Behaviour b = cmd.behaviours().get(i);
            if (b != null && b.occurredAt() != null && b.occurredAt().isAfter(latest)) {
                problems.add(FieldProblem.of("behaviours[" + i + "].occurredAt", "lead.behaviour.future"));
            }
        }
        return problems;
    }

    /** A valid command with the province derived from the city where only the city was given, both six digits. */
    private LeadCommand canonical(LeadCommand cmd) {
        String province = cmd.provinceCode() == null ? null : divisions.canonicalProvince(cmd.provinceCode()).orElseThrow();
        String city = cmd.cityCode() == null ? null : divisions.canonicalCity(cmd.cityCode()).orElseThrow();
        if (province == null && city != null) {
            province = city.substring(0, 2) + "0000";
        }
        return new LeadCommand(cmd.source(), cmd.company(), cmd.contactName().trim(), cmd.title(), cmd.phone(), cmd.email(),
                cmd.industry(), cmd.companySize(), province, city, cmd.postalCode(), cmd.productInterest(), cmd.budget(),
                cmd.behaviours());
    }

    private static LeadCommand without(LeadCommand c, Set<String> fields, Set<Integer> behaviours) {
        List<Behaviour> kept = new ArrayList<>();
        for (int i = 0; i < c.behaviours().size(); i++) {
            if (!behaviours.contains(i)) {
                kept.add(c.behaviours().get(i));
            }
        }
        return new LeadCommand(c.source(),
                keep(fields, "company", c.company()), c.contactName(), keep(fields, "title", c.title()),
                keep(fields, "phone", c.phone()), keep(fields, "email", c.email()), keep(fields, "industry", c.industry()),
                keep(fields, "companySize", c.companySize()), keep(fields, "provinceCode", c.provinceCode()),
                keep(fields, "cityCode", c.cityCode()), keep(fields, "postalCode", c.postalCode()),
                keep(fields, "productInterest", c.productInterest()), keep(fields, "budget", c.budget()), kept);
    }

    private static <T> T keep(Set<String> fields, String name, T value) {
        return fields.contains(name) ? null : value;
    }

    /** What was set aside, each with its reasons in English and Chinese (rare, so the checks simply run once per language). */
    private List<SetAside> setAside(LeadCommand cmd, Set<String> fields, Set<Integer> behaviours) {
        Map<String, String> en = reasons(cmd, Locale.ENGLISH);
        Map<String, String> zh = reasons(cmd, Locale.SIMPLIFIED_CHINESE);
        List<SetAside> aside = new ArrayList<>();
        for (String field : fields) {
            aside.add(new SetAside(field, shorten(text(LeadFields.of(cmd, field))), en.get(field), zh.get(field)));
        }
        for (int i : behaviours) {
            String key = "behaviours[" + i + "]";
            Behaviour b = cmd.behaviours().get(i);
            String value = b == null ? "null" : b.kind() + " " + b.occurredAt() + (b.detail() == null ? "" : " " + b.detail());
            aside.add(new SetAside(key, shorten(value), en.get(key), zh.get(key)));
        }
        return aside;
    }

    /** The reasons per field (a behaviour's under {@code behaviours[i]}) as the checks phrase them in {@code locale}. */
    private Map<String, String> reasons(LeadCommand cmd, Locale locale) {
        List<FieldProblem> found = inLocale(locale, () -> problems(cmd));
        Map<String, String> reasons = new LinkedHashMap<>();
        for (FieldProblem p : found) {
            Matcher m = BEHAVIOUR.matcher(p.field());
            String field = m.matches() ? "behaviours[" + m.group(1) + "]" : p.field();
            String text = p.code() == null ? p.message() : messages.getMessage(p.code(), p.args(), p.code(), locale);
            String detail = m.matches() && p.field().contains(".") ? p.field().substring(p.field().indexOf('.') + 1) + " " + text : text;
            reasons.merge(field, detail, (a, b) -> a + "; " + b);
        }
        return reasons;
    }

    private static <T> T inLocale(Locale locale, Supplier<T> work) {
        var previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locale);
        try {
            return work.get();
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    private static String text(Object value) {
        return value instanceof java.math.BigDecimal number ? number.toPlainString() : String.valueOf(value);
    }

    private static String shorten(String value) {
        return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE);
    }
}
