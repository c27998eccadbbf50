-- In-app inbox and outbound deliveries (F11). A notification is written in the recipient's language
-- when it is raised; each outside channel (e-mail, later chat robots) gets a delivery row that the
-- delivery job sends and retries, so nothing is lost between a commit and the SMTP server.
CREATE TABLE notification (
    id          bigserial PRIMARY KEY,
    user_id     bigint REFERENCES app_user (id),
    kind        varchar(40)   NOT NULL,
    title       varchar(300)  NOT NULL,
    body        varchar(4000) NOT NULL,
    link        varchar(300),
    created_at  timestamptz   NOT NULL,
    read_at     timestamptz
);
CREATE INDEX notification_user ON notification (user_id, id DESC);
CREATE INDEX notification_unread ON notification (user_id) WHERE read_at IS NULL;

CREATE TABLE notification_delivery (
    id               bigserial PRIMARY KEY,
    notification_id  bigint       NOT NULL REFERENCES notification (id),
    channel          varchar(20)  NOT NULL,
    address          varchar(300) NOT NULL,
    locale           varchar(10)  NOT NULL,
    status           varchar(10)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts         integer      NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz  NOT NULL,
    last_error       varchar(500),
    sent_at          timestamptz,
    UNIQUE (notification_id, channel)
);
CREATE INDEX notification_delivery_pending ON notification_delivery (next_attempt_at) WHERE status = 'PENDING';
