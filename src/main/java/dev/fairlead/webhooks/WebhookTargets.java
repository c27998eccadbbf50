package dev.fairlead.webhooks;

import dev.fairlead.common.FieldProblem;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may be sent (against SSRF: a subscription must not make Fairlead call into its own
 * network): an absolute http or https URL without credentials, whose host resolves, and none of
 * whose addresses is loopback (127.0.0.0/8, ::1), link-local (169.254.0.0/16 with the cloud metadata
 * address, fe80::/10), private (10/8, 172.16/12, 192.168/16, fc00::/7, 100.64/10), unspecified or
 * multicast, unless {@value #ALLOW_PRIVATE} is true (for a receiver inside the company network).
 * The setting is read on every check, so changing it (a refreshed environment, a test) needs no
 * restart. Checked when a subscription is made and again before every send, since a host's
 * addresses can change after it was accepted.
 */
@Component
public class WebhookTargets {

    public static final String ALLOW_PRIVATE = "fairlead.webhooks.allow-private-targets";

    private final Environment environment;

    WebhookTargets(Environment environment) {
        this.environment = environment;
    }

    public boolean privateTargetsAllowed() {
        return environment.getProperty(ALLOW_PRIVATE, Boolean.class, false);
    }

    /** Why this URL may not be a webhook target (a problem on field {@code url}), or empty when it may. */
    public Optional<FieldProblem> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of(FieldProblem.of("url", "validation.required"));
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of(FieldProblem.of("url", "webhooks.url.invalid"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(FieldProblem.of("url", "webhooks.url.scheme"));
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Optional.of(FieldProblem.of("url", "webhooks.url.invalid"));
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.of(FieldProblem.of("url", "webhooks.url.unresolvable", uri.getHost()));
        }
        if (privateTargetsAllowed()) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                return Optional.of(FieldProblem.of("url", "webhooks.url.private", address.getHostAddress()));
            }
        }
        return Optional.empty();
    }

    /** Whether the address is inside a network Fairlead sits in rather than out on the internet. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first == 127 || (first == 100 && second >= 64 && second < 128) || (first == 169 && second == 254)
                    || first >= 240;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local; fec0::/10 (old site-local) is covered by isSiteLocalAddress
            return (b[0] & 0xfe) == 0xfc || (b[0] == (byte) 0xfe && (b[1] & 0xc0) == 0x80);
        }
        return false;
    }
}
