package dev.fairlead.work;

public enum FollowUpKind {
    CALL, VISIT, EMAIL, WECHAT, MEETING
}
