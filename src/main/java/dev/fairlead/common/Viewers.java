package dev.fairlead.common;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The viewer of the current request. */
public final class Viewers {

    private Viewers() {}

    public static Optional<Viewer> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ViewerSource source) {
            return Optional.of(source.viewer());
        }
        return Optional.empty();
    }

    public static Viewer require() {
        return current().orElseThrow(() -> new IllegalStateException("No authenticated viewer"));
    }

    /** Name recorded in the audit trail: the user, or "system" for scheduled and start-up work. */
    public static String actorName() {
        return current().map(Viewer::username).orElse("system");
    }
}
