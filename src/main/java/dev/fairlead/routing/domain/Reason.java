package dev.fairlead.routing.domain;

import java.util.List;

/**
 * Why something happened, as a message key under {@code routing.reason.} and its arguments, so the
 * stored explanation reads in the reader's language.
 */
public record Reason(String code, List<String> args) {

    public Reason {
        args = List.copyOf(args);
    }

    public static Reason of(String code, Object... args) {
        String[] texts = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = String.valueOf(args[i]);
        }
        return new Reason(code, List.of(texts));
    }
}
