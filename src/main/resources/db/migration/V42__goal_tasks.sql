-- Tasks a goal generated for a rep (one per remaining week), so generating again adds only the missing weeks.
CREATE TABLE goal_task (
    goal_id     bigint NOT NULL REFERENCES goal (id),
    rep_id      bigint NOT NULL REFERENCES rep (id),
    week_start  date   NOT NULL,
    task_id     bigint NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (goal_id, rep_id, week_start)
);
