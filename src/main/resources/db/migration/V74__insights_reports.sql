-- Scheduled reports (insights, decision 0602): what each team (or the company) has set, who receives it,
-- and the reports generated, stored as PDF and XLSX.

-- A team's weekly or monthly report schedule (team_id NULL: the company's); weekly ones go out on a chosen weekday
-- (1 = Monday … 7 = Sunday) for the week before, monthly ones on day 1 for the month before.
CREATE TABLE insight_report_schedule (
    id          bigserial PRIMARY KEY,
    team_id     bigint      REFERENCES team (id),
    kind        varchar(8)  NOT NULL CHECK (kind IN ('WEEK', 'MONTH')),
    weekday     smallint    CHECK (weekday BETWEEN 1 AND 7),
    enabled     boolean     NOT NULL DEFAULT true,
    created_by  varchar(64) NOT NULL,
    created_at  timestamptz NOT NULL,
    version     integer     NOT NULL DEFAULT 0,
    CHECK ((kind = 'WEEK') = (weekday IS NOT NULL))
);
CREATE UNIQUE INDEX insight_report_schedule_unit ON insight_report_schedule (coalesce(team_id, 0), kind);

CREATE TABLE insight_report_subscriber (
    schedule_id bigint NOT NULL REFERENCES insight_report_schedule (id) ON DELETE CASCADE,
    user_id     bigint NOT NULL REFERENCES app_user (id),
    PRIMARY KEY (schedule_id, user_id)
);

-- A generated report: one rendering per language. A scheduled one exists once per unit, period and language
-- (the partial unique index, whatever the number of runs or nodes); generated on demand, as often as asked.
CREATE TABLE insight_report (
    id            bigserial PRIMARY KEY,
    team_id       bigint       REFERENCES team (id),
    unit_name     varchar(200) NOT NULL,
    kind          varchar(8)   NOT NULL CHECK (kind IN ('WEEK', 'MONTH')),
    period_label  varchar(16)  NOT NULL,
    period_start  date         NOT NULL,
    period_end    date         NOT NULL,
    locale        varchar(10)  NOT NULL,
    origin        varchar(10)  NOT NULL CHECK (origin IN ('SCHEDULED', 'ON_DEMAND')),
    pdf           bytea        NOT NULL,
    pdf_size      integer      NOT NULL,
    xlsx          bytea        NOT NULL,
    xlsx_size     integer      NOT NULL,
    generated_at  timestamptz  NOT NULL,
    generated_by  varchar(64)  NOT NULL
);
CREATE UNIQUE INDEX insight_report_scheduled ON insight_report (coalesce(team_id, 0), kind, period_start, locale)
    WHERE origin = 'SCHEDULED';
CREATE INDEX insight_report_team ON insight_report (team_id, period_start DESC);
