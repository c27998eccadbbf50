package dev.fairlead.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the few things tests need from a rendered page. */
public final class Html {

    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta[^>]*name=\"_csrf\"[^>]*content=\"([^\"]+)\"");

    private Html() {}

    /** The value of the hidden {@code _csrf} input of the page's form. */
    public static String csrfInput(String page) {
        Matcher m = CSRF_INPUT.matcher(page);
        if (!m.find()) {
            throw new AssertionError("No hidden _csrf input in the page:\n" + page);
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** The token in {@code <meta name="_csrf">}, which scripts send as a header. */
    public static String csrfMeta(String page) {
        Matcher m = CSRF_META.matcher(page);
        if (!m.find()) {
            throw new AssertionError("No _csrf meta tag in the page:\n" + page);
        }
        return m.group(1);
    }
}
