-- Customers (F7, 客户) and deals (商机) with a per-team stage pipeline and stage history.

-- A customer (account) is created when a lead converts; one per normalised company name.
CREATE TABLE customer (
    id             bigserial PRIMARY KEY,
    name           varchar(200) NOT NULL,
    company_key    varchar(200),
    contact_name   varchar(100),
    phone          varchar(32),
    email          varchar(254),
    lead_id        bigint REFERENCES lead (id),
    owner_rep_id   bigint REFERENCES rep (id),
    owner_team_id  bigint REFERENCES team (id),
    created_at     timestamptz  NOT NULL,
    version        integer      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX customer_company_key ON customer (company_key) WHERE company_key IS NOT NULL;
CREATE INDEX customer_owner_rep ON customer (owner_rep_id, created_at);
CREATE INDEX customer_owner_team ON customer (owner_team_id, created_at);

-- The open stages of a pipeline, in order. team_id NULL is the company default; a team without
-- stages of its own uses its nearest ancestor's, else the default. 'won' and 'lost' close every pipeline.
CREATE TABLE deal_stage (
    id           bigserial PRIMARY KEY,
    team_id      bigint REFERENCES team (id),
    code         varchar(32)  NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]*$' AND code NOT IN ('won', 'lost')),
    name_en      varchar(60)  NOT NULL,
    name_zh      varchar(60)  NOT NULL,
    position     smallint     NOT NULL CHECK (position >= 1),
    probability  smallint     NOT NULL CHECK (probability BETWEEN 0 AND 100)
);
CREATE UNIQUE INDEX deal_stage_code ON deal_stage (coalesce(team_id, 0), code);
CREATE UNIQUE INDEX deal_stage_position ON deal_stage (coalesce(team_id, 0), position);

INSERT INTO deal_stage (team_id, code, name_en, name_zh, position, probability) VALUES
    (NULL, 'contact',     'Initial contact',      '初步接洽', 1, 10),
    (NULL, 'needs',       'Needs confirmed',      '需求确认', 2, 30),
    (NULL, 'proposal',    'Proposal and quote',   '方案报价', 3, 50),
    (NULL, 'negotiation', 'Negotiation',          '谈判',     4, 75);

CREATE TABLE deal (
    id               bigserial PRIMARY KEY,
    name             varchar(200)   NOT NULL,
    lead_id          bigint REFERENCES lead (id),
    customer_id      bigint REFERENCES customer (id),
    owner_rep_id     bigint         NOT NULL REFERENCES rep (id),
    owner_team_id    bigint         NOT NULL REFERENCES team (id),
    source           varchar(16),
    amount           numeric(14, 2) NOT NULL CHECK (amount >= 0),
    currency         char(3)        NOT NULL,
    stage            varchar(32)    NOT NULL,
    -- position of the furthest open stage this deal has reached (the funnel counts it there and above)
    furthest         smallint       NOT NULL DEFAULT 1,
    probability      smallint       NOT NULL CHECK (probability BETWEEN 0 AND 100),
    expected_close   date,
    lost_reason      varchar(500),
    won_on           date,
    created_at       timestamptz    NOT NULL,
    stage_entered_at timestamptz    NOT NULL,
    closed_at        timestamptz,
    version          integer        NOT NULL DEFAULT 0,
    CHECK ((stage = 'won') = (won_on IS NOT NULL)),
    CHECK (stage <> 'lost' OR lost_reason IS NOT NULL)
);
CREATE INDEX deal_lead ON deal (lead_id);
CREATE INDEX deal_customer ON deal (customer_id);
CREATE INDEX deal_owner_rep ON deal (owner_rep_id, stage);
CREATE INDEX deal_owner_team ON deal (owner_team_id, stage);
CREATE INDEX deal_won_on ON deal (won_on) WHERE won_on IS NOT NULL;
CREATE INDEX deal_created ON deal (created_at);

-- Every stage a deal entered and when it left it: time in stage and the funnel come from here.
CREATE TABLE deal_stage_history (
    id          bigserial PRIMARY KEY,
    deal_id     bigint      NOT NULL REFERENCES deal (id),
    stage       varchar(32) NOT NULL,
    position    smallint    NOT NULL,
    entered_at  timestamptz NOT NULL,
    left_at     timestamptz,
    actor       varchar(64) NOT NULL
);
CREATE INDEX deal_stage_history_deal ON deal_stage_history (deal_id, entered_at);
