-- Chat robots (F11): a team's DingTalk, WeCom or Feishu group robot, what it is told, and the
-- per-platform ids reps are @-mentioned by. Messages to a robot go through the existing delivery
-- queue: the delivery's channel is the platform, its address the robot's id, and each attempt is
-- logged so a manager sees what was sent, what failed with the platform's own error text, and retries.
CREATE TABLE chat_channel (
    id          bigserial PRIMARY KEY,
    team_id     bigint        NOT NULL REFERENCES team (id),
    platform    varchar(10)   NOT NULL CHECK (platform IN ('DINGTALK', 'WECOM', 'FEISHU')),
    name        varchar(100)  NOT NULL,
    webhook     varchar(500)  NOT NULL,
    secret      varchar(200),
    locale      varchar(10)   NOT NULL,
    events      varchar(30)[] NOT NULL,
    active      boolean       NOT NULL DEFAULT true,
    created_at  timestamptz   NOT NULL,
    version     integer       NOT NULL DEFAULT 0
);
CREATE INDEX chat_channel_team ON chat_channel (team_id) WHERE active;

CREATE TABLE chat_rep_id (
    rep_id       bigint       NOT NULL REFERENCES rep (id),
    platform     varchar(10)  NOT NULL CHECK (platform IN ('DINGTALK', 'WECOM', 'FEISHU')),
    external_id  varchar(100) NOT NULL,
    PRIMARY KEY (rep_id, platform)
);

-- A team notification goes to every robot of the team: one delivery per (notification, channel, robot).
ALTER TABLE notification_delivery DROP CONSTRAINT notification_delivery_notification_id_channel_key;
ALTER TABLE notification_delivery ADD CONSTRAINT notification_delivery_once UNIQUE (notification_id, channel, address);
ALTER TABLE notification_delivery ADD COLUMN mention varchar(100);
ALTER TABLE notification_delivery ADD COLUMN created_at timestamptz;
CREATE INDEX notification_delivery_address ON notification_delivery (channel, address, id DESC);

CREATE TABLE notification_attempt (
    id           bigserial PRIMARY KEY,
    delivery_id  bigint      NOT NULL REFERENCES notification_delivery (id),
    at           timestamptz NOT NULL,
    outcome      varchar(10) NOT NULL CHECK (outcome IN ('SENT', 'FAILED', 'DEFERRED')),
    error        varchar(500)
);
CREATE INDEX notification_attempt_delivery ON notification_attempt (delivery_id, id);
