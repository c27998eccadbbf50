-- Alert rules per team (insights): what to watch, with thresholds and quiet hours.
CREATE TABLE insight_alert_rule (
    id            bigserial PRIMARY KEY,
    team_id       bigint        NOT NULL REFERENCES team (id),
    kind          varchar(16)   NOT NULL CHECK (kind IN ('BEHIND_PACE', 'ACTIVITY_DROP', 'AGING_LEADS', 'SLA_BREACHES', 'OVERLOAD', 'POOL_GROWTH')),
    -- the rule's main threshold (a share 0..1, or a count) and its second one (a share or a number of days), by kind
    threshold     numeric(10, 4) NOT NULL CHECK (threshold >= 0),
    threshold2    numeric(10, 4) NOT NULL DEFAULT 0 CHECK (threshold2 >= 0),
    quiet_from    time,
    quiet_until   time,
    enabled       boolean       NOT NULL DEFAULT true,
    created_at    timestamptz   NOT NULL,
    version       integer       NOT NULL DEFAULT 0,
    CHECK ((quiet_from IS NULL) = (quiet_until IS NULL))
);
CREATE INDEX insight_alert_rule_team ON insight_alert_rule (team_id);

-- Alerts raised by the rules: one open alert per rule and subject until the condition clears.
CREATE TABLE insight_alert (
    id               bigserial PRIMARY KEY,
    rule_id          bigint       NOT NULL REFERENCES insight_alert_rule (id) ON DELETE CASCADE,
    kind             varchar(16)  NOT NULL,
    team_id          bigint       NOT NULL REFERENCES team (id),
    subject_kind     varchar(8)   NOT NULL CHECK (subject_kind IN ('REP', 'POOL')),
    subject_id       bigint       NOT NULL,
    subject_name     varchar(200) NOT NULL,
    figures          jsonb        NOT NULL,
    link             varchar(300) NOT NULL,
    opened_at        timestamptz  NOT NULL,
    notified_at      timestamptz,
    acknowledged_at  timestamptz,
    acknowledged_by  varchar(64),
    snoozed_until    timestamptz,
    closed_at        timestamptz,
    version          integer      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX insight_alert_open ON insight_alert (rule_id, subject_kind, subject_id) WHERE closed_at IS NULL;
CREATE INDEX insight_alert_team ON insight_alert (team_id, opened_at DESC);
