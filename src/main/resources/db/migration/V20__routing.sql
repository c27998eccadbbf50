-- Assignment engine (F4): versioned rule sets, the explanation stored with every assignment,
-- strategy state (round-robin pointers, smooth weighted round-robin weights) and the fairness ledger.

-- A rule set version: DRAFT (editable) -> ACTIVE (exactly one) -> RETIRED; re-activating a
-- retired version is a rollback. The rules are one JSON document, immutable once activated.
CREATE TABLE routing_rule_set (
    id            bigserial PRIMARY KEY,
    version       integer      NOT NULL UNIQUE,
    name          varchar(100) NOT NULL,
    status        varchar(8)   NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'RETIRED')),
    based_on      bigint REFERENCES routing_rule_set (id),
    rules         jsonb        NOT NULL,
    created_by    varchar(64)  NOT NULL,
    created_at    timestamptz  NOT NULL,
    activated_by  varchar(64),
    activated_at  timestamptz,
    row_version   integer      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX routing_rule_set_single_active ON routing_rule_set ((status)) WHERE status = 'ACTIVE';

-- Until someone writes rules: every active rep, least loaded first.
INSERT INTO routing_rule_set (version, name, status, rules, created_by, created_at, activated_by, activated_at)
VALUES (1, 'Default: every rep, least loaded', 'ACTIVE',
        '[{"key": "default", "name": "Every rep, least loaded", "match": "ALL", "conditions": [], "targetKind": "EVERYONE",
           "includeSubTeams": true, "repIds": [], "strategy": "LEAST_LOADED", "requireTerritory": false,
           "requireSkill": false, "period": "MONTH", "decay": 0, "guardMultiple": 1.5, "workloadPointsPerLead": 10,
           "tierGroups": {}}]',
        'system', now(), 'system', now());

-- Every routing decision and manual change of owner, with its explanation (null for manual ones:
-- their reason says why). team_id is the receiving rep's team, for data scope.
CREATE TABLE routing_assignment (
    id                bigserial PRIMARY KEY,
    lead_id           bigint       NOT NULL REFERENCES lead (id),
    kind              varchar(10)  NOT NULL CHECK (kind IN ('AUTO', 'MANUAL', 'BULK', 'REBALANCE')),
    outcome           varchar(8)   NOT NULL CHECK (outcome IN ('ASSIGNED', 'POOLED')),
    rep_id            bigint REFERENCES rep (id),
    previous_rep_id   bigint REFERENCES rep (id),
    pool_id           bigint,
    rule_set_id       bigint REFERENCES routing_rule_set (id),
    rule_set_version  integer,
    rule_key          varchar(64),
    reason            varchar(500),
    actor             varchar(64)  NOT NULL,
    attempts          integer      NOT NULL DEFAULT 1,
    explanation       jsonb,
    decided_at        timestamptz  NOT NULL
);
CREATE INDEX routing_assignment_lead ON routing_assignment (lead_id, id);
CREATE INDEX routing_assignment_time ON routing_assignment (decided_at);

-- Per rule (by its stable key): round-robin pointer and smooth weighted round-robin current weights.
-- Live routing locks the rows of the rules a lead matches, so nodes take turns on the same rule.
CREATE TABLE routing_rule_state (
    rule_key         varchar(64) PRIMARY KEY,
    last_rep_id      bigint,
    current_weights  jsonb NOT NULL DEFAULT '{}'
);

-- Fairness ledger (积分): every lead a rep receives costs points and adds expected value; a lead
-- taken away is credited back. Append-only; balances per week and month are kept alongside.
CREATE TABLE routing_points_ledger (
    id              bigserial PRIMARY KEY,
    rep_id          bigint        NOT NULL REFERENCES rep (id),
    lead_id         bigint REFERENCES lead (id),
    day             date          NOT NULL,
    points          numeric(12, 2) NOT NULL,
    expected_value  numeric(16, 2) NOT NULL,
    entry           varchar(10)   NOT NULL CHECK (entry IN ('RECEIVED', 'TAKEN_AWAY')),
    rule_key        varchar(64),
    recorded_at     timestamptz   NOT NULL
);
CREATE INDEX routing_points_ledger_rep ON routing_points_ledger (rep_id, day);
CREATE INDEX routing_points_ledger_lead ON routing_points_ledger (lead_id);

CREATE TABLE routing_points_balance (
    rep_id          bigint         NOT NULL REFERENCES rep (id),
    period_kind     varchar(5)     NOT NULL CHECK (period_kind IN ('WEEK', 'MONTH')),
    period_start    date           NOT NULL,
    points          numeric(14, 2) NOT NULL DEFAULT 0,
    expected_value  numeric(18, 2) NOT NULL DEFAULT 0,
    leads           integer        NOT NULL DEFAULT 0,
    PRIMARY KEY (rep_id, period_kind, period_start)
);
CREATE INDEX routing_points_balance_period ON routing_points_balance (period_kind, period_start);
