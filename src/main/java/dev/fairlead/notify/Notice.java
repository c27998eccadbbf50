package dev.fairlead.notify;

import java.util.List;

/**
 * Something to tell a person, as message keys resolved in the recipient's language when it is sent:
 * {@code notice.<kind>.title} and {@code notice.<kind>.body} with {@code args} (instants are shown
 * as local date and time). {@code link} is a path in Fairlead, e.g. {@code /pool/leads/42}.
 */
public record Notice(String kind, List<Object> args, String link) {

    public Notice {
        args = List.copyOf(args);
    }

    public static Notice of(String kind, String link, Object... args) {
        return new Notice(kind, List.of(args), link);
    }

    public String titleKey() {
        return "notice." + kind + ".title";
    }

    public String bodyKey() {
        return "notice." + kind + ".body";
    }
}
