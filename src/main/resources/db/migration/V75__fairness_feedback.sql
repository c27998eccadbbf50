-- Anonymous fairness feedback (issue 10, decision 0603): a manager opens a cycle for a team and a
-- period; the team's reps answer once, 1-5 and an optional comment.

CREATE TABLE insight_feedback_cycle (
    id            bigserial    PRIMARY KEY,
    team_id       bigint       NOT NULL REFERENCES team (id),
    period_start  date         NOT NULL,
    period_end    date         NOT NULL,
    closes_on     date         NOT NULL,
    opened_by     varchar(64)  NOT NULL,
    opened_at     timestamptz  NOT NULL,
    CHECK (period_end >= period_start),
    CHECK (closes_on >= period_start)
);
CREATE INDEX insight_feedback_cycle_team ON insight_feedback_cycle (team_id, closes_on);

-- An answer names no one: no rep id, no user, no exact time, no sequence number. The token is
-- HMAC-SHA256(server secret, cycle id and rep id), the secret kept in the server's configuration and
-- never in the database, so the table tells who answered to nobody reading it; it only stops a second
-- answer of the same rep to the same cycle (the primary key). The day alone is kept.
CREATE TABLE insight_feedback_answer (
    cycle_id     bigint        NOT NULL REFERENCES insight_feedback_cycle (id),
    token        char(64)      NOT NULL,
    score        smallint      NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment      varchar(1000),
    answered_on  date          NOT NULL,
    PRIMARY KEY (cycle_id, token)
);
