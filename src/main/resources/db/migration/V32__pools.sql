-- Public pools (公海池, F5). A pool is visible to, and claimable by, the reps of its member teams
-- (each member team with its sub-teams); a pool without member teams is visible to everyone. A lead
-- owned by a rep belongs, when it leaves its owner, to the pool of the nearest team up from the
-- owner's team that is a member of one, else to the default pool.

CREATE TABLE pool (
    id                   bigserial PRIMARY KEY,
    name                 varchar(100) NOT NULL,
    description          varchar(500),
    is_default           boolean      NOT NULL DEFAULT false,
    claims_per_day       integer      NOT NULL DEFAULT 10 CHECK (claims_per_day >= 0),
    max_owned_leads      integer CHECK (max_owned_leads >= 0),
    count_won_customers  boolean      NOT NULL DEFAULT false,
    cool_down_days       integer      NOT NULL DEFAULT 7 CHECK (cool_down_days >= 0),
    active               boolean      NOT NULL DEFAULT true,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    version              integer      NOT NULL DEFAULT 0,
    CHECK (NOT is_default OR active)
);
CREATE UNIQUE INDEX pool_one_default ON pool (is_default) WHERE is_default;
CREATE UNIQUE INDEX pool_name ON pool (lower(name)) WHERE active;

CREATE TABLE pool_team (
    pool_id  bigint NOT NULL REFERENCES pool (id),
    team_id  bigint NOT NULL REFERENCES team (id),
    PRIMARY KEY (pool_id, team_id)
);
CREATE INDEX pool_team_team ON pool_team (team_id);

-- Automatic recovery per pool and lead grade; grade NULL is the rule for grades without their own.
CREATE TABLE pool_rule (
    id                 bigserial PRIMARY KEY,
    pool_id            bigint  NOT NULL REFERENCES pool (id),
    grade              char(1) CHECK (grade IN ('A', 'B', 'C', 'D')),
    no_follow_up_days  integer CHECK (no_follow_up_days > 0),
    no_deal_days       integer CHECK (no_deal_days > 0),
    warn_days          integer NOT NULL DEFAULT 2 CHECK (warn_days >= 0),
    CHECK (no_follow_up_days IS NOT NULL OR no_deal_days IS NOT NULL)
);
CREATE UNIQUE INDEX pool_rule_grade ON pool_rule (pool_id, coalesce(grade, '*'));

INSERT INTO pool (name, description, is_default)
VALUES ('公海 Company pool', 'Leads nobody owns: no eligible rep, released, or recovered.', true);

-- The pool a lead of this team goes to.
CREATE FUNCTION pool_for_team(start_team bigint) RETURNS bigint
    LANGUAGE sql STABLE AS $$
    WITH RECURSIVE up(id, parent_id, depth) AS (
        SELECT id, parent_id, 0 FROM team WHERE id = start_team
        UNION ALL
        SELECT t.id, t.parent_id, up.depth + 1 FROM team t JOIN up ON t.id = up.parent_id
    )
    SELECT coalesce(
        (SELECT pt.pool_id FROM up JOIN pool_team pt ON pt.team_id = up.id JOIN pool p ON p.id = pt.pool_id AND p.active
         ORDER BY up.depth, pt.pool_id LIMIT 1),
        (SELECT id FROM pool WHERE is_default))
$$;

-- Every change of hands of a lead (owner ↔ owner ↔ pool), written in the same transaction as the
-- change by a synchronous listener on LeadAssigned / LeadPooled. Pool pages show it as the lead's
-- history; cool-downs and "previous owners" are read from it.
CREATE TABLE lead_move (
    id            bigserial PRIMARY KEY,
    lead_id       bigint       NOT NULL REFERENCES lead (id),
    at            timestamptz  NOT NULL,
    cause         varchar(16)  NOT NULL CHECK (cause IN ('ASSIGNED', 'POOLED', 'RELEASED', 'RECOVERED', 'CLAIMED', 'POOL_ASSIGNED', 'SLA_BREACH')),
    from_rep_id   bigint,
    to_rep_id     bigint,
    from_pool_id  bigint,
    to_pool_id    bigint,
    actor         varchar(64)  NOT NULL,
    reason        varchar(500)
);
CREATE INDEX lead_move_lead ON lead_move (lead_id, id DESC);
CREATE INDEX lead_move_lost ON lead_move (from_rep_id, lead_id, at) WHERE to_pool_id IS NOT NULL;

-- Leads that were unowned and unpooled before pools existed belong to the default pool.
UPDATE lead SET pool_id = (SELECT id FROM pool WHERE is_default)
WHERE owner_rep_id IS NULL AND pool_id IS NULL AND duplicate_of IS NULL;

-- Claims per rep and day; the conditional UPDATE on this row enforces the daily claim limit and
-- serialises one rep's concurrent claims.
CREATE TABLE pool_claim_count (
    rep_id  bigint  PRIMARY KEY REFERENCES rep (id),
    day     date    NOT NULL DEFAULT DATE '1970-01-01',
    claims  integer NOT NULL DEFAULT 0 CHECK (claims >= 0)
);

-- One warning per owner, rule and due time: re-running the job never warns twice.
CREATE TABLE recovery_warning (
    lead_id    bigint      NOT NULL REFERENCES lead (id),
    rep_id     bigint      NOT NULL REFERENCES rep (id),
    rule_kind  varchar(12) NOT NULL CHECK (rule_kind IN ('NO_FOLLOW_UP', 'NO_DEAL')),
    due_at     timestamptz NOT NULL,
    warned_at  timestamptz NOT NULL,
    PRIMARY KEY (lead_id, rep_id, rule_kind, due_at)
);
