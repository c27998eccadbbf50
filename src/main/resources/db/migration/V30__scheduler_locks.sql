-- ShedLock: scheduled jobs (pool recovery, SLA checks, reminders, notification delivery) take a row
-- here before running, so with several application nodes on one database each run happens once.
CREATE TABLE IF NOT EXISTS shedlock (
    name       varchar(64)  NOT NULL PRIMARY KEY,
    lock_until timestamptz  NOT NULL,
    locked_at  timestamptz  NOT NULL,
    locked_by  varchar(255) NOT NULL
);
