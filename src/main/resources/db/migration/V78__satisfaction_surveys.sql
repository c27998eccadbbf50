-- Customer satisfaction surveys (issue 9, decision 0504): one public, single-use, expiring link per
-- survey; only the SHA-256 of its token is kept.
CREATE TABLE satisfaction_survey (
    id            bigserial PRIMARY KEY,
    token_hash    bytea       NOT NULL UNIQUE,
    deal_id       bigint      REFERENCES deal (id),
    follow_up_id  bigint      REFERENCES follow_up (id),
    customer_id   bigint      REFERENCES customer (id),
    rep_id        bigint      NOT NULL REFERENCES rep (id),
    team_id       bigint      NOT NULL REFERENCES team (id),
    subject_name  text        NOT NULL,
    visited_at    timestamptz,
    company_name  text,
    contact_name  text,
    email         text,
    locale        text        NOT NULL CHECK (locale IN ('en', 'zh-CN')),
    sent_by       text        NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    answered_at   timestamptz,
    rating        smallint    CHECK (rating BETWEEN 1 AND 5),
    comment       text        CHECK (length(comment) <= 1000),
    closed_at     timestamptz,
    CHECK (deal_id IS NOT NULL OR follow_up_id IS NOT NULL),
    CHECK ((answered_at IS NULL) = (rating IS NULL))
);

-- At most one open survey per deal (follow_up_id null) and per visit: an expired, unanswered one is
-- closed (closed_at) by the service before a new one is made.
CREATE UNIQUE INDEX satisfaction_survey_open_deal ON satisfaction_survey (deal_id)
    WHERE follow_up_id IS NULL AND answered_at IS NULL AND closed_at IS NULL;
CREATE UNIQUE INDEX satisfaction_survey_open_visit ON satisfaction_survey (follow_up_id)
    WHERE answered_at IS NULL AND closed_at IS NULL;
CREATE INDEX satisfaction_survey_deal ON satisfaction_survey (deal_id);
CREATE INDEX satisfaction_survey_customer ON satisfaction_survey (customer_id);
CREATE INDEX satisfaction_survey_rep_answered ON satisfaction_survey (rep_id, answered_at);

-- Requests to the public survey pages per client address, for the rate limit (counted here so every node agrees).
CREATE TABLE survey_request (
    client  text        NOT NULL,
    at      timestamptz NOT NULL
);
CREATE INDEX survey_request_client_at ON survey_request (client, at);
