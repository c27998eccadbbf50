package dev.fairlead.chat.domain;

import dev.fairlead.chat.ChatPlatform;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Robot webhooks, checked against the platforms' own addresses: a webhook must be one of the
 * configured bases ({@code https://oapi.dingtalk.com/robot/send}, WeCom's {@code …/cgi-bin/webhook/send},
 * Feishu's or Lark's {@code …/open-apis/bot/v2/hook/}) with a token, so a robot can never point
 * Fairlead at another host. Stored canonical: the base and the token, nothing else.
 */
public final class Webhooks {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{8,128}");

    private Webhooks() {}

    /** The canonical webhook for what a user pasted (a URL, or the bare token or key), or empty when it is not the platform's. */
    public static Optional<String> canonical(ChatPlatform platform, String input, List<String> bases) {
        if (input == null || bases.isEmpty()) {
            return Optional.empty();
        }
        String in = input.strip();
        if (TOKEN.matcher(in).matches()) {
            return Optional.of(withToken(platform, bases.get(0), in));
        }
        for (String base : bases) {
            Optional<String> token = tokenOf(platform, in, base);
            if (token.isPresent()) {
                return Optional.of(withToken(platform, base, token.get()));
            }
        }
        return Optional.empty();
    }

    /** Whether a stored webhook is still one of the configured bases (the configuration may have changed). */
    public static boolean allowed(ChatPlatform platform, String webhook, List<String> bases) {
        return bases.stream().anyMatch(base -> tokenOf(platform, webhook, base).isPresent());
    }

    /** The webhook with its token cut to the first four characters: safe to show. */
    public static String masked(ChatPlatform platform, String webhook) {
        int at = switch (platform) {
            case DINGTALK -> webhook.indexOf("access_token=") + "access_token=".length();
            case WECOM -> webhook.indexOf("key=") + "key=".length();
            case FEISHU -> webhook.lastIndexOf('/') + 1;
        };
        return webhook.substring(0, Math.min(webhook.length(), at + 4)) + "…";
    }

    private static String withToken(ChatPlatform platform, String base, String token) {
        return switch (platform) {
            case DINGTALK -> base + "?access_token=" + token;
            case WECOM -> base + "?key=" + token;
            case FEISHU -> (base.endsWith("/") ? base : base + "/") + token;
        };
    }

    private static Optional<String> tokenOf(ChatPlatform platform, String url, String base) {
        URI uri;
        URI baseUri;
        try {
            uri = new URI(url);
            baseUri = new URI(base);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().equalsIgnoreCase(baseUri.getScheme())
                || !uri.getHost().equalsIgnoreCase(baseUri.getHost()) || port(uri) != port(baseUri)
                || uri.getRawUserInfo() != null || uri.getRawFragment() != null || uri.getRawPath() == null) {
            return Optional.empty();
        }
        String basePath = baseUri.getRawPath() == null ? "" : baseUri.getRawPath();
        String token = switch (platform) {
            case DINGTALK -> uri.getRawPath().equals(basePath) ? query(uri, "access_token") : null;
            case WECOM -> uri.getRawPath().equals(basePath) ? query(uri, "key") : null;
            case FEISHU -> {
                String prefix = basePath.endsWith("/") ? basePath : basePath + "/";
                yield uri.getRawPath().startsWith(prefix) && uri.getRawQuery() == null
                        ? uri.getRawPath().substring(prefix.length()) : null;
            }
        };
        return token != null && TOKEN.matcher(token).matches() ? Optional.of(token) : Optional.empty();
    }

    private static String query(URI uri, String name) {
        if (uri.getRawQuery() == null) {
            return null;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
