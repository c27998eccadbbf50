package dev.fairlead.leads;

import dev.fairlead.common.FieldProblem;
import dev.fairlead.org.ChinaDivisions;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads a lead from text values as people write them in spreadsheets and web forms: enumerations
 * by code or by common Chinese and English words ("中型", "100-499人", "网站"), budgets such as
 * "¥1,200,000" or "120万", provinces and cities by code or by name ("广东", "深圳市"). Problems
 * come back per field, like {@link LeadService#validated} reports them; nothing is guessed silently.
 */
@Component
public class LeadText {

    /** A lead read from text: the command when every value could be read, else the problems. */
    public record Parsed(LeadCommand command, List<FieldProblem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final DateTimeFormatter[] DATE_TIMES = {
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
        DateTimeFormatter.ofPattern("yyyy/M/d HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy/M/d HH:mm"),
        DateTimeFormatter.ISO_LOCAL_DATE_TIME};

    private final ChinaDivisions divisions;
    private final Map<String, String> provincesByName = new HashMap<>();
    private final Map<String, String> citiesByName = new HashMap<>();

    LeadText(ChinaDivisions divisions) {
        this.divisions = divisions;
        indexNames();
    }

    public Parsed parse(Map<LeadField, String> values, LeadSource defaultSource, ZoneId zone) {
        List<FieldProblem> problems = new ArrayList<>();
        LeadSource source = value(values, LeadField.SOURCE) == null ? defaultSource
                : enumValue(values, LeadField.SOURCE, LeadText::source, problems);
        CompanySize size = enumValue(values, LeadField.COMPANY_SIZE, LeadText::companySize, problems);
        BigDecimal budget = enumValue(values, LeadField.BUDGET, LeadText::budget, problems);
        String province = region(values, LeadField.PROVINCE, this::province);
        String city = region(values, LeadField.CITY, this::city);
        List<Behaviour> behaviours = behaviours(values, zone, problems);
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        return new Parsed(new LeadCommand(source, value(values, LeadField.COMPANY), value(values, LeadField.CONTACT_NAME),
                value(values, LeadField.TITLE), value(values, LeadField.PHONE), value(values, LeadField.EMAIL),
                value(values, LeadField.INDUSTRY), size, province, city, value(values, LeadField.POSTAL_CODE),
                value(values, LeadField.PRODUCT_INTEREST), budget, behaviours), List.of());
    }

    private List<Behaviour> behaviours(Map<LeadField, String> values, ZoneId zone, List<FieldProblem> problems) {
        BehaviourKind kind = enumValue(values, LeadField.BEHAVIOUR, LeadText::behaviourKind, problems);
        if (kind == null) {
            return List.of();
        }
        String at = value(values, LeadField.BEHAVIOUR_AT);
        if (at == null) {
            problems.add(FieldProblem.of(LeadField.BEHAVIOUR_AT.property(), "validation.required"));
            return List.of();
        }
        Optional<Instant> when = instant(at, zone);
        if (when.isEmpty()) {
            problems.add(FieldProblem.of(LeadField.BEHAVIOUR_AT.property(), "lead.text.dateTime", at));
            return List.of();
        }
        return List.of(new Behaviour(kind, null, when.get()));
    }

    private interface Reader<T> {
        T read(String text);
    }

    private static <T> T enumValue(Map<LeadField, String> values, LeadField field, Reader<T> reader, List<FieldProblem> problems) {
        String text = value(values, field);
        if (text == null) {
            return null;
        }
        T result = reader.read(text);
        if (result == null) {
            problems.add(FieldProblem.of(field.property(), "lead.text." + field.property(), text));
        }
        return result;
    }

    /** A province or city that is not recognised passes through as written, so validation names it. */
    private static String region(Map<LeadField, String> values, LeadField field, Reader<String> reader) {
        String text = value(values, field);
        if (text == null) {
            return null;
        }
        String code = reader.read(text);
        return code == null ? text : code;
    }

    private static String value(Map<LeadField, String> values, LeadField field) {
        String v = values.get(field);
        return v == null || v.isBlank() ? null : v.trim();
    }

    static LeadSource source(String text) {
        String t = fold(text);
        for (LeadSource s : LeadSource.values()) {
            if (s.name().replace("_", "").equalsIgnoreCase(t.replace("_", "").replace("-", ""))) {
                return s;
            }
        }
        return switch (t) {
            case "web", "website", "form", "网站", "官网", "表单", "网站表单" -> LeadSource.WEB_FORM;
            case "import", "导入", "excel" -> LeadSource.IMPORT;
            case "referral", "推荐", "转介绍", "介绍" -> LeadSource.REFERRAL;
            case "event", "trade show", "展会", "活动", "会议" -> LeadSource.EVENT;
            case "ads", "ad", "广告", "投放", "百度推广" -> LeadSource.ADVERTISING;
            case "partner", "channel", "合作伙伴", "渠道", "代理商" -> LeadSource.PARTNER;
            case "other", "其他", "其它" -> LeadSource.OTHER;
            default -> null;
        };
    }

    static CompanySize companySize(String text) {
        String t = fold(text).replace("人", "").replace("employees", "").replace("staff", "").trim();
        for (CompanySize s : CompanySize.values()) {
            if (s.name().equalsIgnoreCase(t)) {
                return s;
            }
        }
        switch (t) {
            case "微型": return CompanySize.MICRO;
            case "小型", "小": return CompanySize.SMALL;
            case "中型", "中": return CompanySize.MEDIUM;
            case "大型", "大": return CompanySize.LARGE;
            case "超大型", "特大型", "集团": return CompanySize.ENTERPRISE;
            default: break;
        }
        String digits = t.replaceAll("[^0-9]+", " ").trim();
        if (digits.isEmpty()) {
            return null;
        }
        // "100-499", "500+", "2000以上", "约 80": the lower bound decides the band.
        long lower = Long.parseLong(digits.split(" ")[0].length() > 9 ? "999999999" : digits.split(" ")[0]);
        if (lower < 10) {
            return CompanySize.MICRO;
        } else if (lower < 100) {
            return CompanySize.SMALL;
        } else if (lower < 500) {
            return CompanySize.MEDIUM;
        } else if (lower < 2000) {
            return CompanySize.LARGE;
        }
        return CompanySize.ENTERPRISE;
    }

    static BigDecimal budget(String text) {
        String t = fold(text).replace(",", "").replace("¥", "").replace("￥", "").replace("rmb", "").replace("cny", "")
                .replace("元", "").replace("人民币", "").trim();
        BigDecimal factor = BigDecimal.ONE;
        if (t.endsWith("万")) {
            factor = BigDecimal.valueOf(10_000);
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("亿")) {
            factor = BigDecimal.valueOf(100_000_000);
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("k")) {
            factor = BigDecimal.valueOf(1_000);
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            factor = BigDecimal.valueOf(1_000_000);
            t = t.substring(0, t.length() - 1);
        }
        try {
            return new BigDecimal(t.trim()).multiply(factor).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static BehaviourKind behaviourKind(String text) {
        String t = fold(text);
        for (BehaviourKind k : BehaviourKind.values()) {
            if (k.name().replace("_", "").equalsIgnoreCase(t.replace("_", "").replace("-", "").replace(" ", ""))) {
                return k;
            }
        }
        return switch (t) {
            case "下载", "资料下载", "白皮书下载" -> BehaviourKind.DOWNLOAD;
            case "网络研讨会", "直播", "研讨会" -> BehaviourKind.WEBINAR;
            case "价格页", "访问价格页", "pricing", "pricing page" -> BehaviourKind.PRICING_VISIT;
            case "预约演示", "演示", "demo" -> BehaviourKind.DEMO_REQUEST;
            case "邮件点击", "点击邮件", "email click" -> BehaviourKind.EMAIL_CLICK;
            default -> null;
        };
    }

    static Optional<Instant> instant(String text, ZoneId zone) {
        String t = text.trim();
        try {
            return Optional.of(Instant.parse(t));
        } catch (DateTimeParseException e) {
            // not an instant with offset; try local forms below
        }
        for (DateTimeFormatter f : DATE_TIMES) {
            try {
                return Optional.of(LocalDateTime.parse(t, f).atZone(zone).toInstant());
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        for (String pattern : List.of("yyyy-MM-dd", "yyyy/M/d")) {
            try {
                return Optional.of(LocalDate.parse(t, DateTimeFormatter.ofPattern(pattern)).atStartOfDay(zone).toInstant());
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    private String province(String text) {
        return divisions.canonicalProvince(text).orElseGet(() -> provincesByName.get(shortName(text)));
    }

    private String city(String text) {
        return divisions.canonicalCity(text).orElseGet(() -> citiesByName.get(shortName(text)));
    }

    /** Short names of provinces and cities to codes; a municipality's name (北京) also names its one city. */
    private void indexNames() {
        for (ChinaDivisions.Division p : divisions.provinces()) {
            provincesByName.putIfAbsent(shortName(p.name()), p.code());
            for (ChinaDivisions.Division c : divisions.cities(p.code())) {
                if ("市辖区".equals(c.name())) {
                    citiesByName.putIfAbsent(shortName(p.name()), c.code());
                } else {
                    citiesByName.putIfAbsent(shortName(c.name()), c.code());
                }
            }
        }
    }

    /** "广东省" → "广东", "深圳市" → "深圳", "内蒙古自治区" → "内蒙古". */
    static String shortName(String name) {
        String n = fold(name).replace(" ", "");
        for (String suffix : List.of("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市", "地区", "自治州", "盟")) {
            if (n.endsWith(suffix) && n.length() > suffix.length()) {
                return n.substring(0, n.length() - suffix.length());
            }
        }
        return n;
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
    }
}
