-- KPI schemes (performance module): versioned per audience (a rep tier, or ALL) and period kind;
-- weighted dimensions as JSON; exactly one active version per audience and period kind.
CREATE TABLE kpi_scheme (
    id            bigserial PRIMARY KEY,
    audience      varchar(16)  NOT NULL CHECK (audience IN ('ALL', 'NEW', 'REGULAR', 'SENIOR', 'KEY_ACCOUNT')),
    period_kind   varchar(8)   NOT NULL CHECK (period_kind IN ('WEEK', 'MONTH', 'QUARTER')),
    version       integer      NOT NULL,
    name          varchar(100) NOT NULL,
    status        varchar(8)   NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'RETIRED')),
    dimensions    jsonb        NOT NULL,
    based_on      bigint REFERENCES kpi_scheme (id),
    created_by    varchar(64)  NOT NULL,
    created_at    timestamptz  NOT NULL,
    activated_by  varchar(64),
    activated_at  timestamptz,
    row_version   integer      NOT NULL DEFAULT 0,
    UNIQUE (audience, period_kind, version)
);
CREATE UNIQUE INDEX kpi_scheme_one_active ON kpi_scheme (audience, period_kind) WHERE status = 'ACTIVE';

-- A closed period's scorecard as it was frozen; later edits to deals, follow-ups or tasks do not
-- change it. A recalculation replaces it only with a reason (and an audit entry with before/after).
CREATE TABLE scorecard_snapshot (
    id               bigserial PRIMARY KEY,
    rep_id           bigint       NOT NULL REFERENCES rep (id),
    team_id          bigint       NOT NULL REFERENCES team (id),
    period_kind      varchar(8)   NOT NULL,
    period_start     date         NOT NULL,
    period_end       date         NOT NULL,
    scheme_id        bigint       NOT NULL REFERENCES kpi_scheme (id),
    total            numeric(6, 1) NOT NULL,
    card             jsonb        NOT NULL,
    frozen_by        varchar(64)  NOT NULL,
    frozen_at        timestamptz  NOT NULL,
    recalculated_by  varchar(64),
    recalculated_at  timestamptz,
    recalc_reason    varchar(500),
    UNIQUE (rep_id, period_kind, period_start)
);
CREATE INDEX scorecard_snapshot_team ON scorecard_snapshot (team_id, period_kind, period_start);
