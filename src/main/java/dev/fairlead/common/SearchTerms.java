package dev.fairlead.common;

/**
 * What a person typed into a search box, ready for SQL: {@code pattern} matches the text anywhere
 * ({@code ILIKE}, with {@code %}, {@code _} and {@code \} taken literally), and {@code digitsPattern}
 * matches a phone number's digits anywhere whatever separators either side wrote (138-1234-5678,
 * +86 138 1234 5678) — null when the text is not a phone number (fewer than three digits, or letters).
 *
 * @param text the trimmed text
 */
public record SearchTerms(String text, String pattern, String digitsPattern) {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 100;
    private static final int MIN_PHONE_DIGITS = 3;

    /** Parses a search; fewer than {@value #MIN_LENGTH} or more than {@value #MAX_LENGTH} characters is invalid input. */
    public static SearchTerms of(String query) {
        String text = query == null ? "" : query.strip();
        if (text.codePointCount(0, text.length()) < MIN_LENGTH) {
            throw InvalidInputException.of("q", "search.tooShort", MIN_LENGTH);
        }
        if (text.length() > MAX_LENGTH) {
            throw InvalidInputException.of("q", "search.tooLong", MAX_LENGTH);
        }
        return new SearchTerms(text, "%" + escapeLike(text) + "%", digitsPattern(text));
    }

    /** A text filter of a list (optional): null when blank, else the terms, however short. */
    public static SearchTerms filter(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        String text = query.strip();
        return new SearchTerms(text, "%" + escapeLike(text) + "%", digitsPattern(text));
    }

    static String digitsPattern(String text) {
        if (!text.matches("[0-9+()\\-. /]+")) {
            return null;
        }
        String digits = text.replaceAll("[^0-9]", "");
        return digits.length() < MIN_PHONE_DIGITS ? null : "%" + digits + "%";
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
