package dev.fairlead.leads;

import java.util.Locale;

/**
 * An optional field of an incoming lead that failed its check: the lead was stored without it, and
 * the value waits here for data-quality review. The reason is kept in both languages, as the
 * submitter's check phrased it, because the reviewer may read the other one.
 *
 * @param field the field as the submitter named it ({@code phone}, {@code behaviours[2]})
 * @param value the value as it arrived (at most 1,000 characters)
 */
public record SetAside(String field, String value, String reasonEn, String reasonZh) {

    public String reason(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? reasonZh : reasonEn;
    }
}
