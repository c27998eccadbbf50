-- Incentive points (performance module): a company-wide policy of points per action, editable by
-- directors and admins (decision 0503), and a ledger per rep. A line credited from an event is keyed
-- by its reason and source record, so one event never credits twice; awards (reason AWARD) have no
-- source key and carry who granted them and why.
CREATE TABLE points_policy (
    action       varchar(24) PRIMARY KEY CHECK (action IN ('VISIT', 'FIRST_CONTACT', 'DEAL_WON', 'TASK_DONE')),
    points       integer     NOT NULL CHECK (points BETWEEN 0 AND 1000),
    updated_by   varchar(64),
    updated_at   timestamptz
);
INSERT INTO points_policy (action, points) VALUES ('VISIT', 2), ('FIRST_CONTACT', 3), ('DEAL_WON', 10), ('TASK_DONE', 1);

CREATE TABLE points_entry (
    id           bigserial PRIMARY KEY,
    rep_id       bigint       NOT NULL REFERENCES rep (id),
    points       integer      NOT NULL,
    reason       varchar(24)  NOT NULL CHECK (reason IN ('VISIT', 'FIRST_CONTACT', 'DEAL_WON', 'TASK_DONE', 'AWARD')),
    source_type  varchar(16),
    source_id    bigint,
    note         varchar(500),
    granted_by   varchar(64),
    occurred_at  timestamptz  NOT NULL,
    recorded_at  timestamptz  NOT NULL,
    CHECK ((reason = 'AWARD') = (source_id IS NULL))
);
CREATE UNIQUE INDEX points_entry_once_per_source ON points_entry (reason, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX points_entry_rep_time ON points_entry (rep_id, occurred_at);

-- Leaderboards: one row per board, configured by directors and admins. The salt makes a board's
-- pseudonyms and numbers stable per board and period but not derivable from rep ids.
CREATE TABLE leaderboard (
    kind          varchar(16) PRIMARY KEY CHECK (kind IN ('REVENUE', 'DEALS_WON', 'IMPROVEMENT', 'POINTS', 'TEAMS')),
    measure       varchar(16) CHECK (measure IN ('REVENUE', 'SCORE')),
    display_mode  varchar(16) NOT NULL CHECK (display_mode IN ('NAMES', 'PSEUDONYMS', 'NUMBERS', 'OWN_RANK')),
    visibility    varchar(16) NOT NULL CHECK (visibility IN ('TEAM', 'COMPANY', 'MANAGERS')),
    enabled       boolean     NOT NULL DEFAULT true,
    salt          varchar(64) NOT NULL DEFAULT md5(random()::text || clock_timestamp()::text) || md5(random()::text),
    position      integer     NOT NULL,
    row_version   integer     NOT NULL DEFAULT 0,
    updated_by    varchar(64),
    updated_at    timestamptz,
    CHECK ((kind IN ('IMPROVEMENT', 'TEAMS')) = (measure IS NOT NULL))
);
INSERT INTO leaderboard (kind, measure, display_mode, visibility, position) VALUES
    ('REVENUE', NULL, 'NAMES', 'COMPANY', 1),
    ('DEALS_WON', NULL, 'NAMES', 'COMPANY', 2),
    ('IMPROVEMENT', 'REVENUE', 'PSEUDONYMS', 'COMPANY', 3),
    ('POINTS', NULL, 'NAMES', 'TEAM', 4),
    ('TEAMS', 'REVENUE', 'NAMES', 'COMPANY', 5);
