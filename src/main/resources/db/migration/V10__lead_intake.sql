-- Intake (F2): duplicates merged into an existing lead keep a record of what they brought; REST
-- callers' idempotency keys with the first response; signed webhook sources.

CREATE INDEX lead_duplicate_of ON lead (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX lead_company_contact ON lead (company_key, lower(contact_name)) WHERE company_key IS NOT NULL;

-- A lead that arrived again and was merged into lead_id: what came in, which empty fields it filled
-- and how many behaviour events it added. Nothing of the incoming lead is lost.
CREATE TABLE lead_merge (
    id               bigserial PRIMARY KEY,
    lead_id          bigint       NOT NULL REFERENCES lead (id),
    merged_at        timestamptz  NOT NULL,
    channel          varchar(60)  NOT NULL,
    match_kind       varchar(20)  NOT NULL CHECK (match_kind IN ('PHONE', 'EMAIL', 'COMPANY_CONTACT')),
    incoming         jsonb        NOT NULL,
    filled_fields    text[]       NOT NULL,
    behaviours_added integer      NOT NULL
);
CREATE INDEX lead_merge_lead ON lead_merge (lead_id, merged_at);

-- One row per (caller, Idempotency-Key). The first request inserts it in its transaction; a
-- concurrent duplicate blocks on the primary key until that commits and then reads the response.
CREATE TABLE idempotency_request (
    owner           varchar(80)  NOT NULL,
    key             varchar(200) NOT NULL,
    endpoint        varchar(40)  NOT NULL,
    request_hash    char(64)     NOT NULL,
    created_at      timestamptz  NOT NULL,
    completed_at    timestamptz,
    response_status integer,
    response_body   text,
    PRIMARY KEY (owner, key)
);
CREATE INDEX idempotency_request_created ON idempotency_request (created_at);

-- Items of a batch, each committed with the lead it created, so a retried or concurrent batch
-- with the same key reuses every finished item and never creates an item twice.
CREATE TABLE idempotency_item (
    owner  varchar(80)  NOT NULL,
    key    varchar(200) NOT NULL,
    item   integer      NOT NULL,
    result text,
    PRIMARY KEY (owner, key, item),
    FOREIGN KEY (owner, key) REFERENCES idempotency_request (owner, key)
);

-- Web forms and ad platforms that post leads to /api/intake/webhook/{name}, signed with the secret.
CREATE TABLE webhook_source (
    id          bigserial PRIMARY KEY,
    name        varchar(50)  NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9-]*$'),
    secret      varchar(200) NOT NULL,
    lead_source varchar(16)  NOT NULL CHECK (lead_source IN ('WEB_FORM', 'API', 'IMPORT', 'REFERRAL', 'EVENT', 'ADVERTISING', 'PARTNER', 'OTHER')),
    active      boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL,
    created_by  varchar(64)  NOT NULL,
    rotated_at  timestamptz
);
