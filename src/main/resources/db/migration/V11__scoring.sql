-- Lead scoring (F3). Rule sets are versioned: a draft is edited, activation retires the previous
-- active version (audited); every lead's score keeps the version and each criterion's contribution.

CREATE TABLE scoring_rule_set (
    id           bigserial PRIMARY KEY,
    version      integer     NOT NULL UNIQUE,
    status       varchar(8)  NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'RETIRED')),
    definition   jsonb       NOT NULL,
    note         varchar(500),
    created_at   timestamptz NOT NULL,
    created_by   varchar(64) NOT NULL,
    activated_at timestamptz,
    activated_by varchar(64)
);
CREATE UNIQUE INDEX scoring_rule_set_one_active ON scoring_rule_set (status) WHERE status = 'ACTIVE';

CREATE TABLE lead_score (
    lead_id       bigint      PRIMARY KEY REFERENCES lead (id),
    rule_set_id   bigint      NOT NULL REFERENCES scoring_rule_set (id),
    score         integer     NOT NULL CHECK (score BETWEEN 0 AND 100),
    grade         char(1)     NOT NULL,
    -- [{criterionId, group, label, points, matched}]
    contributions jsonb       NOT NULL,
    scored_at     timestamptz NOT NULL
);

-- Predictive models, one row per training run, insufficient history included (so the report can say so).
-- A lead's probability is computed from the newest usable model when it is read.
CREATE TABLE scoring_model (
    id            bigserial PRIMARY KEY,
    trained_at    timestamptz NOT NULL,
    trigger       varchar(64) NOT NULL,
    closed_leads  integer     NOT NULL,
    won           integer     NOT NULL,
    lost          integer     NOT NULL,
    train_size    integer     NOT NULL,
    test_size     integer     NOT NULL,
    minimum       integer     NOT NULL,
    sufficient    boolean     NOT NULL,
    auc           double precision,
    log_loss      double precision,
    model         jsonb
);

-- ShedLock: scheduled jobs run on one node at a time (shared by every module's @SchedulerLock).
CREATE TABLE IF NOT EXISTS shedlock (
    name       varchar(64)  NOT NULL PRIMARY KEY,
    lock_until timestamptz  NOT NULL,
    locked_at  timestamptz  NOT NULL,
    locked_by  varchar(255) NOT NULL
);

-- The starting rule set: a sensible B2B default that admins refine in the UI.
INSERT INTO scoring_rule_set (version, status, definition, note, created_at, created_by, activated_at, activated_by)
VALUES (1, 'ACTIVE', '{
  "gradeA": 70, "gradeB": 50, "gradeC": 30,
  "criteria": [
    {"id": "fit-industry", "group": "FIT", "kind": "INDUSTRY_IN", "label": "Target industry", "values": ["manufacturing", "制造业", "retail", "零售", "finance", "金融", "software", "软件"], "points": 15},
    {"id": "fit-size-large", "group": "FIT", "kind": "COMPANY_SIZE_IN", "label": "Large company", "values": ["LARGE", "ENTERPRISE"], "points": 15},
    {"id": "fit-size-medium", "group": "FIT", "kind": "COMPANY_SIZE_IN", "label": "Medium company", "values": ["MEDIUM"], "points": 8},
    {"id": "need-product", "group": "NEED", "kind": "PRODUCT_INTEREST_IN", "label": "States a product interest", "values": [], "points": 10},
    {"id": "need-budget-high", "group": "NEED", "kind": "BUDGET_RANGE", "label": "Budget from 500,000", "min": 500000, "points": 20},
    {"id": "need-budget-mid", "group": "NEED", "kind": "BUDGET_RANGE", "label": "Budget 100,000–499,999", "min": 100000, "max": 500000, "points": 10},
    {"id": "behaviour-demo", "group": "BEHAVIOUR", "kind": "BEHAVIOUR", "label": "Asked for a demo (90 days)", "values": ["DEMO_REQUEST"], "withinDays": 90, "maxCount": 1, "points": 15},
    {"id": "behaviour-pricing", "group": "BEHAVIOUR", "kind": "BEHAVIOUR", "label": "Visited pricing (30 days)", "values": ["PRICING_VISIT"], "withinDays": 30, "maxCount": 2, "points": 5},
    {"id": "behaviour-content", "group": "BEHAVIOUR", "kind": "BEHAVIOUR", "label": "Webinar or download (90 days)", "values": ["WEBINAR", "DOWNLOAD"], "withinDays": 90, "maxCount": 3, "points": 3},
    {"id": "authority-senior", "group": "AUTHORITY", "kind": "TITLE_CONTAINS", "label": "Decision maker", "values": ["总监", "总经理", "总裁", "CEO", "CTO", "CFO", "VP", "Director", "Head", "创始人", "Founder"], "points": 20},
    {"id": "authority-manager", "group": "AUTHORITY", "kind": "TITLE_CONTAINS", "label": "Manager", "values": ["经理", "主管", "Manager", "负责人"], "points": 10}
  ]
}', 'Default rule set', now(), 'system', now(), 'system');
