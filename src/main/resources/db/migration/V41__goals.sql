-- Goals and quotas (F8): a target for a metric, an org unit (a team at any level, or a rep) and a period.
-- Children come from splitting a parent down the org tree or the calendar; a child adjusted by hand is
-- locked, so a re-split keeps it. Actuals are never stored: they are rolled up from deals, customers,
-- leads and activities when read.

CREATE TABLE goal (
    id             bigserial PRIMARY KEY,
    parent_id      bigint REFERENCES goal (id),
    metric         varchar(24)    NOT NULL,
    team_id        bigint REFERENCES team (id),
    rep_id         bigint REFERENCES rep (id),
    -- the team whose subtree may see the goal: the goal's team, or the rep's team
    scope_team_id  bigint         NOT NULL REFERENCES team (id),
    period_kind    varchar(8)     NOT NULL CHECK (period_kind IN ('YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY')),
    period_start   date           NOT NULL,
    period_end     date           NOT NULL,
    target         numeric(16, 2) NOT NULL CHECK (target >= 0),
    base           numeric(16, 2) CHECK (base >= 0),
    stretch        numeric(16, 2) CHECK (stretch >= 0),
    currency       char(3),
    owner_user_id  bigint         NOT NULL REFERENCES app_user (id),
    split_axis     varchar(8) CHECK (split_axis IN ('ORG', 'CALENDAR')),
    split_method   varchar(24),
    split_note     varchar(500),
    locked         boolean        NOT NULL DEFAULT false,
    adjust_reason  varchar(500),
    active         boolean        NOT NULL DEFAULT true,
    created_at     timestamptz    NOT NULL,
    created_by     varchar(64)    NOT NULL,
    version        integer        NOT NULL DEFAULT 0,
    CHECK ((team_id IS NULL) <> (rep_id IS NULL)),
    CHECK (period_end > period_start)
);
CREATE UNIQUE INDEX goal_one_per_unit_and_period
    ON goal (metric, coalesce(team_id, 0), coalesce(rep_id, 0), period_kind, period_start, period_end) WHERE active;
CREATE INDEX goal_parent ON goal (parent_id) WHERE active;
CREATE INDEX goal_scope ON goal (scope_team_id, period_start);
CREATE INDEX goal_rep ON goal (rep_id, period_start) WHERE rep_id IS NOT NULL;

-- Market potential of a territory (province, city or postal prefix), entered by directors; a unit's
-- potential is the sum over its reps' territories, a territory shared by several reps split evenly.
CREATE TABLE territory_potential (
    kind        varchar(16)    NOT NULL CHECK (kind IN ('PROVINCE', 'CITY', 'POSTAL_PREFIX')),
    code        varchar(12)    NOT NULL,
    potential   numeric(16, 2) NOT NULL CHECK (potential >= 0),
    updated_at  timestamptz    NOT NULL,
    PRIMARY KEY (kind, code)
);
