-- Outbound webhooks (F11): integrators subscribe a URL to event types; every event is written to an
-- outbox row per subscription in the transaction that raised it, and sent at least once from there.
CREATE TABLE webhook_subscription (
    id             bigserial    PRIMARY KEY,
    url            varchar(2000) NOT NULL,
    event_types    text[]       NOT NULL,
    -- kept as given: the signature needs the secret itself, not a hash of it
    secret         varchar(200) NOT NULL,
    description    varchar(200),
    status         varchar(10)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'FAILING')),
    failing_since  timestamptz,
    owner_user_id  bigint       NOT NULL REFERENCES app_user (id),
    created_at     timestamptz  NOT NULL,
    created_by     varchar(100) NOT NULL
);

CREATE TABLE webhook_delivery (
    id               bigserial    PRIMARY KEY,
    subscription_id  bigint       NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id         uuid         NOT NULL,
    event_type       varchar(40)  NOT NULL,
    -- the exact bytes that are signed and sent (text, not jsonb, which would reformat them)
    payload          text         NOT NULL,
    status           varchar(10)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer      NOT NULL DEFAULT 0,
    created_at       timestamptz  NOT NULL,
    next_attempt_at  timestamptz  NOT NULL,
    last_attempt_at  timestamptz,
    last_status      integer,
    last_error       varchar(500),
    delivered_at     timestamptz,
    replay_of        bigint       REFERENCES webhook_delivery (id) ON DELETE SET NULL
);
CREATE INDEX webhook_delivery_pending ON webhook_delivery (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, id DESC);
CREATE INDEX webhook_subscription_event_types ON webhook_subscription USING gin (event_types);
