-- Leads (F2) and who owns them. Ownership changes only through LeadOwnership, which keeps the
-- per-rep counters below in step, so caps can be enforced by a conditional UPDATE on any node.

CREATE TABLE lead (
    id                bigserial PRIMARY KEY,
    source            varchar(16)  NOT NULL CHECK (source IN ('WEB_FORM', 'API', 'IMPORT', 'REFERRAL', 'EVENT', 'ADVERTISING', 'PARTNER', 'OTHER')),
    company           varchar(200),
    contact_name      varchar(100) NOT NULL,
    title             varchar(100),
    phone             varchar(32),
    email             varchar(254),
    industry          varchar(50),
    company_size      varchar(12) CHECK (company_size IN ('MICRO', 'SMALL', 'MEDIUM', 'LARGE', 'ENTERPRISE')),
    province_code     char(6),
    city_code         char(6),
    postal_code       varchar(10),
    product_interest  varchar(50),
    budget            numeric(14, 2) CHECK (budget >= 0),
    status            varchar(12)  NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'CONTACTED', 'QUALIFIED', 'CONVERTED', 'LOST')),
    owner_rep_id      bigint REFERENCES rep (id),
    owner_team_id     bigint REFERENCES team (id),
    pool_id           bigint,
    score             integer CHECK (score BETWEEN 0 AND 100),
    grade             char(1) CHECK (grade IN ('A', 'B', 'C', 'D')),
    locked            boolean      NOT NULL DEFAULT false,
    phone_key         varchar(32),
    email_key         varchar(254),
    company_key       varchar(200),
    duplicate_of      bigint REFERENCES lead (id),
    created_at        timestamptz  NOT NULL,
    assigned_at       timestamptz,
    first_contact_at  timestamptz,
    last_follow_up_at timestamptz,
    closed_at         timestamptz,
    version           integer      NOT NULL DEFAULT 0,
    CHECK (owner_rep_id IS NULL OR pool_id IS NULL),
    CHECK ((owner_rep_id IS NULL) = (owner_team_id IS NULL))
);
CREATE INDEX lead_owner ON lead (owner_rep_id) WHERE owner_rep_id IS NOT NULL;
CREATE INDEX lead_owner_team ON lead (owner_team_id);
CREATE INDEX lead_pool ON lead (pool_id) WHERE pool_id IS NOT NULL;
CREATE INDEX lead_phone_key ON lead (phone_key) WHERE phone_key IS NOT NULL;
CREATE INDEX lead_email_key ON lead (email_key) WHERE email_key IS NOT NULL;
CREATE INDEX lead_company_key ON lead (company_key) WHERE company_key IS NOT NULL;
CREATE INDEX lead_created ON lead (created_at);

CREATE TABLE lead_behaviour (
    id           bigserial PRIMARY KEY,
    lead_id      bigint      NOT NULL REFERENCES lead (id) ON DELETE CASCADE,
    kind         varchar(16) NOT NULL CHECK (kind IN ('DOWNLOAD', 'WEBINAR', 'PRICING_VISIT', 'DEMO_REQUEST', 'EMAIL_CLICK')),
    detail       varchar(200),
    occurred_at  timestamptz NOT NULL
);
CREATE INDEX lead_behaviour_lead ON lead_behaviour (lead_id, occurred_at);

-- Live counters per rep: open (owned, not closed) leads, and new leads received today / this month.
-- `day` and `month` say which day and month the counters belong to; a stale period counts as zero.
CREATE TABLE rep_load (
    rep_id          bigint  PRIMARY KEY REFERENCES rep (id),
    open_leads      integer NOT NULL DEFAULT 0 CHECK (open_leads >= 0),
    day             date    NOT NULL DEFAULT DATE '1970-01-01',
    new_today       integer NOT NULL DEFAULT 0 CHECK (new_today >= 0),
    month           date    NOT NULL DEFAULT DATE '1970-01-01',
    new_this_month  integer NOT NULL DEFAULT 0 CHECK (new_this_month >= 0),
    -- Open task workload (maintained by the work module from task workload points).
    workload_points integer NOT NULL DEFAULT 0 CHECK (workload_points >= 0)
);

-- Spring Modulith's event publication registry (transactional outbox), its PostgreSQL schema v2.
CREATE TABLE event_publication (
    id                     uuid        NOT NULL PRIMARY KEY,
    listener_id            text        NOT NULL,
    event_type             text        NOT NULL,
    serialized_event       text        NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
