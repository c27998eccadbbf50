package dev.fairlead.leads;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalised forms used to recognise the same lead arriving twice: phone digits without the
 * country code, lower-case e-mail, and the company name folded to half-width, without spaces,
 * punctuation, case and legal suffixes (有限公司, Co., Ltd., Inc. …).
 */
public final class LeadKeys {

    private static final List<String> COMPANY_SUFFIXES = List.of(
            "股份有限公司", "有限责任公司", "有限公司", "集团", "公司",
            "corporation", "company", "limited", "corp", "inc", "ltd", "llc", "gmbh", "co");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private LeadKeys() {}

    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = Normalizer.normalize(phone, Normalizer.Form.NFKC).replaceAll("\\D", "");
        if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("86") && digits.length() == 13) {
            digits = digits.substring(2);
        }
        return digits.isEmpty() ? null : digits;
    }

    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return Normalizer.normalize(email, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT);
    }

    public static String company(String company) {
        if (company == null || company.isBlank()) {
            return null;
        }
        String folded = Normalizer.normalize(company, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String key = NON_WORD.matcher(folded).replaceAll(" ").trim();
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String suffix : COMPANY_SUFFIXES) {
                // Latin suffixes only as whole words: "Costco" keeps its "co".
                String ending = suffix.chars().allMatch(c -> c < 128) ? " " + suffix : suffix;
                if (key.endsWith(ending) && key.length() > ending.length()) {
                    key = key.substring(0, key.length() - ending.length()).trim();
                    stripped = true;
                }
            }
        }
        key = key.replace(" ", "");
        return key.isEmpty() ? null : key;
    }
}
