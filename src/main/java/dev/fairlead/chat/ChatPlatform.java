package dev.fairlead.chat;

/**
 * The group robots Fairlead talks to, with the delivery channel name their messages are queued
 * under and the documented rate limit per robot (DingTalk and WeCom 20 messages a minute, Feishu 100).
 */
public enum ChatPlatform {
    DINGTALK("dingtalk", 20),
    WECOM("wecom", 20),
    FEISHU("feishu", 100);

    private final String channel;
    private final int perMinute;

    ChatPlatform(String channel, int perMinute) {
        this.channel = channel;
        this.perMinute = perMinute;
    }

    public String channel() {
        return channel;
    }

    public int perMinute() {
        return perMinute;
    }
}
