-- CSV/XLSX imports (F2). Each chunk of rows commits together with its import_row records and the
-- job's counters, so at every moment accepted + merged + rejected = rows_read, and an interrupted
-- import resumes after its last committed row.

CREATE TABLE import_job (
    id               bigserial PRIMARY KEY,
    created_by       varchar(64)  NOT NULL,
    created_by_user  bigint       NOT NULL,
    locale           varchar(10)  NOT NULL,
    file_name        varchar(255) NOT NULL,
    format           varchar(4)   NOT NULL CHECK (format IN ('CSV', 'XLSX')),
    charset          varchar(20),
    separator        char(1),
    stored_path      varchar(500) NOT NULL,
    size_bytes       bigint       NOT NULL,
    headers          jsonb        NOT NULL,
    sample           jsonb        NOT NULL,
    mapping          jsonb,
    duplicate_policy varchar(5) CHECK (duplicate_policy IN ('MERGE', 'FLAG')),
    default_source   varchar(16)  NOT NULL DEFAULT 'IMPORT',
    status           varchar(8)   NOT NULL CHECK (status IN ('UPLOADED', 'QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    rows_read        integer      NOT NULL DEFAULT 0,
    accepted         integer      NOT NULL DEFAULT 0,
    flagged          integer      NOT NULL DEFAULT 0,
    merged           integer      NOT NULL DEFAULT 0,
    rejected         integer      NOT NULL DEFAULT 0,
    progress         double precision NOT NULL DEFAULT 0,
    error            text,
    created_at       timestamptz  NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    heartbeat_at     timestamptz,
    CHECK (accepted + merged + rejected = rows_read),
    CHECK (flagged <= accepted)
);
CREATE INDEX import_job_created ON import_job (created_at DESC);

-- One row per spreadsheet row read: what became of it. row_number is the row as the spreadsheet
-- shows it (the header is row 1). Rejected rows keep their cells and the reason.
CREATE TABLE import_row (
    job_id     bigint      NOT NULL REFERENCES import_job (id),
    row_number integer     NOT NULL,
    outcome    varchar(8)  NOT NULL CHECK (outcome IN ('CREATED', 'FLAGGED', 'MERGED', 'REJECTED')),
    lead_id    bigint REFERENCES lead (id),
    cells      jsonb,
    reason     text,
    PRIMARY KEY (job_id, row_number)
);
CREATE INDEX import_row_outcome ON import_row (job_id, outcome, row_number);
