-- Wrong passwords per client address, so one address cannot go on guessing (or locking accounts) for ever.
CREATE TABLE login_failure (
    id bigserial PRIMARY KEY,
    client text NOT NULL,
    at timestamptz NOT NULL
);
CREATE INDEX login_failure_client_at ON login_failure (client, at);
