package dev.fairlead.routing.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The eligibility policies, each a small named function, and the one place they are assembled.
 * Order matters only for which reason is shown when several apply: the most permanent comes first.
 */
public final class EligibilityPolicies {

    private EligibilityPolicies() {}

    public static final EligibilityPolicy MUST_BE_ACTIVE = (rep, lead, rule, day) -> rep.active()
            ? Eligibility.ELIGIBLE : excluded("active", "inactive");

    public static final EligibilityPolicy NOT_OUT_OF_OFFICE = (rep, lead, rule, day) -> rep.outOfOfficeOn(day)
            ? excluded("notOutOfOffice", "outOfOffice", day) : Eligibility.ELIGIBLE;

    public static final EligibilityPolicy WORKS_TODAY = (rep, lead, rule, day) -> rep.workingDays().contains(day.getDayOfWeek())
            ? Eligibility.ELIGIBLE : excluded("worksToday", "notWorkingDay", day.getDayOfWeek());

    /** Off by her team's calendar at the moment of the decision (outside hours, a public holiday); see {@link RepState#atWork}. */
    public static final EligibilityPolicy WORKING_NOW = (rep, lead, rule, day) -> rep.offHours() == null
            ? Eligibility.ELIGIBLE : new Eligibility.Excluded("workingNow", rep.offHours());

    public static final EligibilityPolicy TERRITORY_MUST_MATCH = (rep, lead, rule, day) -> !rule.requireTerritory()
            || rep.territories().covers(lead)
            ? Eligibility.ELIGIBLE
            : excluded("territoryMustMatch", "outsideTerritory", location(lead));

    public static final EligibilityPolicy SKILL_MUST_MATCH = (rep, lead, rule, day) -> {
        if (!rule.requireSkill()) {
            return Eligibility.ELIGIBLE;
        }
        String industry = lower(lead.industry());
        if (industry != null && !rep.industries().contains(industry)) {
            return excluded("skillMustMatch", "industryMismatch", lead.industry());
        }
        String product = lower(lead.productInterest());
        if (product != null && !rep.products().contains(product)) {
            return excluded("skillMustMatch", "productMismatch", lead.productInterest());
        }
        return Eligibility.ELIGIBLE;
    };

    public static final EligibilityPolicy WITHIN_OPEN_LEAD_CAP = (rep, lead, rule, day) -> rep.openLeads() < rep.maxOpenLeads()
            ? Eligibility.ELIGIBLE : excluded("withinOpenLeadCap", "openCapReached", rep.openLeads(), rep.maxOpenLeads());

    public static final EligibilityPolicy WITHIN_DAILY_CAP = (rep, lead, rule, day) -> rep.newToday() < rep.maxNewPerDay()
            ? Eligibility.ELIGIBLE : excluded("withinDailyCap", "dailyCapReached", rep.newToday(), rep.maxNewPerDay());

    public static final EligibilityPolicy WITHIN_MONTHLY_CAP = (rep, lead, rule, day) -> rep.newThisMonth() < rep.maxNewPerMonth()
            ? Eligibility.ELIGIBLE : excluded("withinMonthlyCap", "monthlyCapReached", rep.newThisMonth(), rep.maxNewPerMonth());

    /**
     * Every policy, in the order reasons are reported: what does not pass with time (territory, skills) before
     * what does (the day, the hour, caps), so a rep who could never take the lead is not waited for. Changing or adding one means changing {@link #admits}
     * (and {@link Roster#available}) to match; {@code FastPathEquivalenceTests} fails otherwise.
     */
    public static List<EligibilityPolicy> standard() {
        return List.of(MUST_BE_ACTIVE, NOT_OUT_OF_OFFICE, TERRITORY_MUST_MATCH, SKILL_MUST_MATCH, WORKS_TODAY, WORKING_NOW,
                WITHIN_OPEN_LEAD_CAP, WITHIN_DAILY_CAP, WITHIN_MONTHLY_CAP);
    }

    /**
     * Exactly {@code EligibilityPolicy.all(standard(), rep, lead, rule, day).eligible()}, for deciding without
     * explaining: the same tests in one pass, with no reason built for an exclusion. The caller works out once
     * per lead what does not depend on the rep: {@code dayOfWeek} of {@code day}, and the lead's industry and
     * product as the skill policy compares them ({@link #lowerSkill}). {@code territoryCovered} means the caller
     * only offers reps known to cover the lead's territory (see {@link Roster}), so that test is skipped.
     */
    static boolean admits(RepState rep, LeadFacts lead, Rule rule, LocalDate day, DayOfWeek dayOfWeek, String industry,
            String product, boolean territoryCovered) {
        return rep.active() && rep.offHours() == null && rep.openLeads() < rep.maxOpenLeads() && rep.newToday() < rep.maxNewPerDay()
                && rep.newThisMonth() < rep.maxNewPerMonth() && rep.workingDays().contains(dayOfWeek)
                && admitsOnceAvailable(rep, lead, rule, day, industry, product, territoryCovered);
    }

    /**
     * The part of {@link #admits} after the rep is known to be active, working on the day and under every cap
     * (which an indexed {@link Roster} answers from arrays): not out of office, territory and skills.
     */
    static boolean admitsOnceAvailable(RepState rep, LeadFacts lead, Rule rule, LocalDate day, String industry, String product,
            boolean territoryCovered) {
        if (!rep.absences().isEmpty() && rep.outOfOfficeOn(day)) {
            return false;
        }
        if (rule.requireTerritory() && !territoryCovered && !rep.territories().covers(lead)) {
            return false;
        }
        if (rule.requireSkill()) {
            if (industry != null && !rep.industries().contains(industry)) {
                return false;
            }
            return product == null || rep.products().contains(product);
        }
        return true;
    }

    /** A lead's industry or product as {@link #SKILL_MUST_MATCH} compares it with a rep's skills: lower case, null when blank. */
    static String lowerSkill(String value) {
        return lower(value);
    }

    private static Eligibility excluded(String policy, String code, Object... args) {
        return new Eligibility.Excluded(policy, Reason.of(code, args));
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static String location(LeadFacts lead) {
        if (lead.cityCode() != null) {
            return lead.cityCode();
        }
        if (lead.provinceCode() != null) {
            return lead.provinceCode();
        }
        return lead.postalCode() == null ? "-" : lead.postalCode();
    }
}
