-- Performance improvement plans (PIP, 绩效改进计划), decision 0504: HR-sensitive, read only by the rep,
-- the managers of the rep's team and above, and directors.
CREATE TABLE performance_pip (
    id            bigserial PRIMARY KEY,
    rep_id        bigint        NOT NULL REFERENCES rep (id),
    team_id       bigint        NOT NULL REFERENCES team (id),
    starts_on     date          NOT NULL,
    ends_on       date          NOT NULL,
    goals         jsonb         NOT NULL,
    support       varchar(2000) NOT NULL DEFAULT '',
    check_in_dates date[]       NOT NULL DEFAULT '{}',
    status        varchar(8)    NOT NULL CHECK (status IN ('OPEN', 'EXTENDED', 'PASSED', 'ENDED')),
    outcome_note  varchar(2000),
    opened_by     varchar(64)   NOT NULL,
    opened_at     timestamptz   NOT NULL,
    closed_by     varchar(64),
    closed_at     timestamptz,
    row_version   integer       NOT NULL DEFAULT 0,
    CHECK (ends_on > starts_on)
);
-- one running plan per rep
CREATE UNIQUE INDEX performance_pip_one_running ON performance_pip (rep_id) WHERE status IN ('OPEN', 'EXTENDED');
CREATE INDEX performance_pip_team ON performance_pip (team_id, status);

CREATE TABLE performance_pip_check_in (
    id          bigserial PRIMARY KEY,
    pip_id      bigint        NOT NULL REFERENCES performance_pip (id),
    on_date     date          NOT NULL,
    progress    varchar(10)   NOT NULL CHECK (progress IN ('ON_TRACK', 'AT_RISK', 'OFF_TRACK')),
    note        varchar(2000) NOT NULL,
    recorded_by varchar(64)   NOT NULL,
    recorded_at timestamptz   NOT NULL
);
CREATE INDEX performance_pip_check_in_pip ON performance_pip_check_in (pip_id, on_date);
