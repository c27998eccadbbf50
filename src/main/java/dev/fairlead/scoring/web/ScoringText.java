package dev.fairlead.scoring.web;

import dev.fairlead.common.web.StoredTexts;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Scoring's words in the reader's language ({@code ${@scoringText.featureName(f)}}): the model's
 * feature names (size=large → 公司规模 · 500–1999 人, behaviour.DEMO_REQUEST → 行为 · 申请演示,
 * budget.log10 → 预算（对数）), a criterion's coded values (LARGE, DEMO_REQUEST) and the default
 * rule set's labels, which were stored in English (see {@link StoredTexts}).
 */
@Component("scoringText")
class ScoringText {

    /** Features whose value is what the lead said (an industry, a product, a province code): shown as typed. */
    private static final Set<String> DATA_VALUED = Set.of("industry", "product", "province");

    private final MessageSource messages;
    private final StoredTexts stored;

    ScoringText(MessageSource messages, StoredTexts stored) {
        this.messages = messages;
        this.stored = stored;
    }

    /** The feature's name: "公司规模" for size=large, "预算（对数）" for budget.log10. */
    public String featureName(String feature) {
        int eq = feature.indexOf('=');
        if (eq > 0) {
            return text("scoring.feature." + feature.substring(0, eq), feature.substring(0, eq));
        }
        if (feature.startsWith("behaviour.") && !"behaviour.total".equals(feature)) {
            return text("scoring.feature.behaviour", "behaviour");
        }
        return text("scoring.feature." + feature, feature);
    }

    /** The feature's value in words ("500–1999 人", "申请演示"), or "" when its name says it all. */
    public String featureValue(String feature) {
        int eq = feature.indexOf('=');
        if (eq > 0) {
            String kind = feature.substring(0, eq);
            String value = feature.substring(eq + 1);
            return switch (kind) {
                case "size" -> text("companySize." + value.toUpperCase(Locale.ROOT), value);
                case "source" -> text("leadSource." + value.toUpperCase(Locale.ROOT), value);
                default -> value;
            };
        }
        if (feature.startsWith("behaviour.") && !"behaviour.total".equals(feature)) {
            String kind = feature.substring("behaviour.".length());
            return text("behaviour." + kind, kind);
        }
        return "";
    }

    /** Whether the feature's value is the lead's own data (pages mark it translate="no"). */
    public boolean featureValueIsData(String feature) {
        int eq = feature.indexOf('=');
        return eq > 0 && DATA_VALUED.contains(feature.substring(0, eq));
    }

    /** A criterion's values: codes (company sizes, behaviours) in words, anything else as typed. */
    public String values(String kind, Collection<String> values) {
        String prefix = switch (kind) {
            case "COMPANY_SIZE_IN" -> "companySize.";
            case "BEHAVIOUR" -> "behaviour.";
            default -> null;
        };
        return values.stream().map(v -> prefix == null ? v : text(prefix + v, v)).collect(Collectors.joining(", "));
    }

    /** Whether a criterion's values are typed words (industries, titles) rather than codes. */
    public boolean valuesAreData(String kind) {
        return !"COMPANY_SIZE_IN".equals(kind) && !"BEHAVIOUR".equals(kind);
    }

    /** A criterion's label: the default rule set's, stored in English, in the reader's language. */
    public String label(String label) {
        return stored.render(label);
    }

    /** Why the model was trained: "schedule" → 定时, "demo" → 示例数据, "manual:li.na" → 手动（li.na）. */
    public String trigger(String trigger) {
        if (trigger == null) {
            return "";
        }
        if (trigger.startsWith("manual:")) {
            return messages.getMessage("scoring.trigger.manual", new Object[] {trigger.substring("manual:".length())}, trigger,
                    LocaleContextHolder.getLocale());
        }
        return text("scoring.trigger." + trigger, trigger);
    }

    private String text(String key, String fallback) {
        return messages.getMessage(key, null, fallback, LocaleContextHolder.getLocale());
    }
}
