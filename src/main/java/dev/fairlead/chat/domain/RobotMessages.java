package dev.fairlead.chat.domain;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON bodies the robots take, as maps: DingTalk and WeCom markdown, a Feishu interactive card,
 * each with its @-mention in the platform's own form and cut to the platform's size limit.
 */
public final class RobotMessages {

    /** WeCom refuses markdown content over 4096 bytes (errcode 40058); DingTalk and Feishu take more, 4000 bytes is plenty. */
    static final int WECOM_MAX_BYTES = 4096;
    static final int MAX_BYTES = 4000;
    private static final Pattern PHONE = Pattern.compile("\\+?\\d{6,15}");

    private RobotMessages() {}

    /** What one message says: {@code link} and {@code mention} may be null. */
    public record Text(String title, String body, String link, String linkLabel, String mention) {}

    /** Markdown with {@code at.atMobiles} (a phone) or {@code at.atUserIds}; the text names the person too, as DingTalk requires. */
    public static Map<String, Object> dingTalk(Text t) {
        String mention = t.mention() == null ? "" : "\n\n@" + t.mention();
        String text = cut("#### " + t.title() + "\n\n" + t.body() + link(t), MAX_BYTES - bytes(mention)) + mention;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgtype", "markdown");
        body.put("markdown", Map.of("title", cut(t.title(), 200), "text", text));
        Map<String, Object> at = new LinkedHashMap<>();
        if (t.mention() != null) {
            at.put(PHONE.matcher(t.mention()).matches() ? "atMobiles" : "atUserIds", List.of(t.mention()));
        }
        at.put("isAtAll", false);
        body.put("at", at);
        return body;
    }

    /** Markdown; WeCom mentions a member in markdown as {@code <@userid>}. */
    public static Map<String, Object> weCom(Text t) {
        String mention = t.mention() == null ? "" : "\n<@" + t.mention() + ">";
        String content = cut("**" + t.title() + "**\n" + t.body() + link(t), WECOM_MAX_BYTES - bytes(mention)) + mention;
        return Map.of("msgtype", "markdown", "markdown", Map.of("content", content));
    }

    /** An interactive card: the title as its header, the text as lark_md with {@code <at id=…></at>}, a button to the record. */
    public static Map<String, Object> feishu(Text t) {
        String mention = t.mention() == null ? "" : " <at id=" + t.mention() + "></at>";
        String content = cut(t.body(), MAX_BYTES - bytes(mention)) + mention;
        List<Object> elements = new java.util.ArrayList<>();
        elements.add(Map.of("tag", "div", "text", Map.of("tag", "lark_md", "content", content)));
        if (t.link() != null) {
            elements.add(Map.of("tag", "action", "actions", List.of(Map.of("tag", "button", "type", "primary", "url", t.link(),
                    "text", Map.of("tag", "plain_text", "content", t.linkLabel())))));
        }
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("header", Map.of("title", Map.of("tag", "plain_text", "content", cut(t.title(), 200))));
        card.put("elements", elements);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msg_type", "interactive");
        body.put("card", card);
        return body;
    }

    private static String link(Text t) {
        return t.link() == null ? "" : "\n\n[" + t.linkLabel() + "](" + t.link() + ")";
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix within {@code maxBytes} of UTF-8, never splitting a character, marked with … when cut. */
    static String cut(String s, int maxBytes) {
        if (bytes(s) <= maxBytes) {
            return s;
        }
        int budget = maxBytes - bytes("…");
        int end = 0;
        int used = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int size = bytes(new String(Character.toChars(cp)));
            if (used + size > budget) {
                break;
            }
            used += size;
            end += Character.charCount(cp);
        }
        return s.substring(0, end) + "…";
    }
}
