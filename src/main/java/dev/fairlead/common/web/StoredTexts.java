package dev.fairlead.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Texts Fairlead wrote into the database itself — a follow-up's task title, the default pool's name
 * and description, the default rule sets' names, the reasons it gives in the audit trail — shown in
 * the reader's language when read ({@code ${@storedTexts.render(t.title())}}), see decision 0013.
 * A stored text that is one of these messages as written in any supported language (or as code or
 * the first migrations wrote it: {@code <key>.as-stored}) is written again, with the same arguments, in the reader's language; any
 * other text is what a person typed and is shown as it is.
 */
@Component("storedTexts")
public class StoredTexts {

    /**
     * The messages Fairlead stores, the more specific first (a text is read as the first that fits);
     * the English text of each (or its {@code .as-stored}) is what code and migrations wrote.
     */
    static final List<String> KEYS = List.of(
            "work.followUp.taskTitle", "stored.pool.default.name", "stored.pool.default.description",
            "stored.ruleSet.default.name", "stored.scoringRuleSet.default.name", "stored.reason.loggedOnLead",
            "stored.reason.loggedOnDeal", "stored.reason.loggedOnCustomer", "stored.reason.firstFollowUp",
            "stored.reason.leadConverted", "stored.reason.released", "stored.reason.routedByRuleWithContext",
            "stored.reason.routedWithContext", "stored.reason.routedByRule", "stored.reason.routed", "stored.reason.goalSplitWithNote", "stored.reason.goalSplit",
            "stored.scoring.label.targetIndustry", "stored.scoring.label.largeCompany", "stored.scoring.label.mediumCompany",
            "stored.scoring.label.productInterest", "stored.scoring.label.budgetHigh", "stored.scoring.label.budgetMid",
            "stored.scoring.label.demo", "stored.scoring.label.pricing", "stored.scoring.label.content",
            "stored.scoring.label.decisionMaker", "stored.scoring.label.manager");

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]+");

    private record Written(String key, Pattern pattern, List<Integer> arguments) {}

    private final MessageSource messages;
    private volatile List<Written> written;

    public StoredTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** The text in the reader's language if Fairlead wrote it, else as stored; "" for none. */
    public String render(String stored) {
        if (stored == null) {
            return "";
        }
        String text = stored.strip();
        for (Written w : written()) {
            Matcher m = w.pattern().matcher(text);
            if (m.matches()) {
                Object[] args = new Object[w.arguments().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1];
                for (int g = 0; g < w.arguments().size(); g++) {
                    args[w.arguments().get(g)] = code(m.group(g + 1));
                }
                return messages.getMessage(w.key(), args, text, LocaleContextHolder.getLocale());
            }
        }
        return stored;
    }

    /** A code among the arguments (ORG, EQUAL) in the reader's words where the audit trail words it. */
    private String code(String argument) {
        return CODE.matcher(argument).matches()
                ? messages.getMessage("audit.value." + argument, null, argument, LocaleContextHolder.getLocale())
                : argument;
    }

    private List<Written> written() {
        List<Written> known = written;
        if (known == null) {
            known = new ArrayList<>();
            for (String key : KEYS) {
                // As code or a migration wrote it, where that differs from how it reads (key.as-stored), then as it reads.
                String asStored = messages.getMessage(key + ".as-stored", null, null, Locale.ENGLISH);
                if (asStored != null) {
                    known.add(compile(key, asStored));
                }
                for (Locale language : LANGUAGES) {
                    String message = messages.getMessage(key, null, null, language);
                    // a message that is only its arguments ("{0}") would match any text: it is never recognised
                    if (message != null && !ARGUMENT.matcher(message).replaceAll("").isBlank()) {
                        known.add(compile(key, message));
                    }
                }
            }
            written = known = List.copyOf(known);
        }
        return known;
    }

    /** "Follow up: {0}" → ^\QFollow up: \E(.+)$, remembering that group 1 is argument 0. */
    static Written compile(String key, String message) {
        String pattern = message.replace("''", "'");
        StringBuilder regex = new StringBuilder();
        List<Integer> arguments = new ArrayList<>();
        Matcher m = ARGUMENT.matcher(pattern);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(pattern.substring(last, m.start()))).append("(.+?)");
            arguments.add(Integer.parseInt(m.group(1)));
            last = m.end();
        }
        regex.append(Pattern.quote(pattern.substring(last)));
        return new Written(key, Pattern.compile(regex.toString(), Pattern.DOTALL), arguments);
    }
}
