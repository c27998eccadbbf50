package dev.fairlead.credit.web;

import dev.fairlead.credit.CreditCommand;
import dev.fairlead.credit.domain.SplitPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The split editor as typed: strings, so a bad value comes back in the form as entered. Up to
 * {@link #ROWS} manual shares ({@code repIds[i]}, {@code percents[i]}); empty rows are left out.
 */
public class CreditForm {

    static final int ROWS = 4;

    private String policy = SplitPolicy.OWNER.name();
    private String helperRepId;
    private List<String> repIds = new ArrayList<>(blank());
    private List<String> percents = new ArrayList<>(blank());
    private String amount;
    private String wonOn;
    private String evidence;

    private static List<String> blank() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add("");
        }
        return rows;
    }

    // the command, and the problems of values that are not numbers or dates at all (field → message key).
    record Parsed(CreditCommand command, java.util.Map<String, String> problems) {}

    Parsed parse() {
        java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
        SplitPolicy p = SplitPolicy.OWNER;
        try {
            p = policy == null || policy.isBlank() ? SplitPolicy.OWNER : SplitPolicy.valueOf(policy);
        } catch (IllegalArgumentException e) {
            problems.put("policy", "credit.policy.unknown");
        }
        Long helper = number(helperRepId, "helperRepId", problems);
        List<CreditCommand.Share> shares = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String rep = i < repIds.size() ? repIds.get(i) : null;
            String percent = i < percents.size() ? percents.get(i) : null;
            if (blank(rep) && blank(percent)) {
                continue;
            }
            shares.add(new CreditCommand.Share(number(rep, "shares[" + shares.size() + "].repId", problems),
                    decimal(percent, "shares[" + shares.size() + "].percent", problems)));
        }
        BigDecimal money = decimal(amount, "amount", problems);
        LocalDate day = null;
        if (!blank(wonOn)) {
            try {
                day = LocalDate.parse(wonOn.trim());
            } catch (DateTimeParseException e) {
                problems.put("wonOn", "credit.value.date");
            }
        }
        return new Parsed(new CreditCommand(p, helper, p == SplitPolicy.MANUAL ? shares : null, money, day, evidence), problems);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Long number(String s, String field, java.util.Map<String, String> problems) {
        if (blank(s)) {
            return null;
        }
        try {
            return Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            problems.put(field, "credit.value.number");
            return null;
        }
    }

    private static BigDecimal decimal(String s, String field, java.util.Map<String, String> problems) {
        if (blank(s)) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            problems.put(field, "credit.value.number");
            return null;
        }
    }

    public String getPolicy() { return policy; }
    public void setPolicy(String policy) { this.policy = policy; }
    public String getHelperRepId() { return helperRepId; }
    public void setHelperRepId(String helperRepId) { this.helperRepId = helperRepId; }
    public List<String> getRepIds() { return repIds; }
    public void setRepIds(List<String> repIds) { this.repIds = pad(repIds); }
    public List<String> getPercents() { return percents; }
    public void setPercents(List<String> percents) { this.percents = pad(percents); }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getWonOn() { return wonOn; }
    public void setWonOn(String wonOn) { this.wonOn = wonOn; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String evidence) { this.evidence = evidence; }

    private static List<String> pad(List<String> values) {
        List<String> rows = new ArrayList<>(values == null ? List.of() : values.subList(0, Math.min(values.size(), ROWS)));
        while (rows.size() < ROWS) {
            rows.add("");
        }
        return rows;
    }
}
