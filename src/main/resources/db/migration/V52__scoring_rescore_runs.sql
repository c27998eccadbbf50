-- Re-scoring open leads when a scoring rule set is activated (or rolled back to): one run per
-- activation, worked through in small batches in the background; a run is resumable because the work
-- left is "open leads whose stored score came from another rule set".
CREATE TABLE scoring_rescore_run (
    id            bigserial PRIMARY KEY,
    rule_set_id   bigint      NOT NULL REFERENCES scoring_rule_set (id),
    status        varchar(12) NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'DONE', 'SUPERSEDED')),
    total         integer     NOT NULL CHECK (total >= 0),
    rescored      integer     NOT NULL DEFAULT 0 CHECK (rescored >= 0),
    grade_changes integer     NOT NULL DEFAULT 0 CHECK (grade_changes >= 0),
    started_at    timestamptz NOT NULL,
    started_by    varchar(64) NOT NULL,
    finished_at   timestamptz
);
CREATE UNIQUE INDEX scoring_rescore_one_running ON scoring_rescore_run (status) WHERE status = 'RUNNING';
CREATE INDEX lead_score_rule_set ON lead_score (rule_set_id);
