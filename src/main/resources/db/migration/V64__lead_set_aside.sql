-- Lenient intake (issue 13): an optional field of an incoming lead that failed its check is kept
-- here while the lead is stored without it, for a person to correct or dismiss (the data-quality
-- review list). The reason is stored in both languages as the check phrased it.
CREATE TABLE lead_set_aside (
    id              bigserial PRIMARY KEY,
    lead_id         bigint        NOT NULL REFERENCES lead (id),
    field           varchar(40)   NOT NULL,
    value           varchar(1000) NOT NULL,
    reason_en       text          NOT NULL,
    reason_zh       text          NOT NULL,
    channel         varchar(60)   NOT NULL,
    created_at      timestamptz   NOT NULL,
    resolution      varchar(10)   CHECK (resolution IN ('CORRECTED', 'DISMISSED')),
    corrected_value varchar(1000),
    resolved_at     timestamptz,
    resolved_by     varchar(64),
    CHECK ((resolution IS NULL) = (resolved_at IS NULL))
);
CREATE INDEX lead_set_aside_open ON lead_set_aside (created_at DESC, id DESC) WHERE resolution IS NULL;
CREATE INDEX lead_set_aside_lead ON lead_set_aside (lead_id);

ALTER TABLE import_job ADD COLUMN set_aside integer NOT NULL DEFAULT 0;
