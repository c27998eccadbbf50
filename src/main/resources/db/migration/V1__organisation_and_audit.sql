-- Organisation (F1): teams in a hierarchy, reps with their routing profile, users with roles.

CREATE TABLE team (
    id          bigserial PRIMARY KEY,
    name        varchar(100) NOT NULL,
    kind        varchar(16)  NOT NULL CHECK (kind IN ('COMPANY', 'REGION', 'TEAM')),
    parent_id   bigint REFERENCES team (id),
    active      boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    version     integer      NOT NULL DEFAULT 0,
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX team_name_among_siblings ON team (coalesce(parent_id, 0), lower(name)) WHERE active;
CREATE INDEX team_parent ON team (parent_id);

-- Every team below (and including) root; the basis of a manager's data scope.
CREATE FUNCTION team_subtree(root bigint) RETURNS SETOF bigint
    LANGUAGE sql STABLE AS $$
    WITH RECURSIVE sub(id) AS (
        SELECT id FROM team WHERE id = root
        UNION
        SELECT t.id FROM team t JOIN sub s ON t.parent_id = s.id
    )
    SELECT id FROM sub
$$;

CREATE TABLE rep (
    id                 bigserial PRIMARY KEY,
    team_id            bigint       NOT NULL REFERENCES team (id),
    name               varchar(100) NOT NULL,
    email              varchar(254),
    phone              varchar(32),
    tier               varchar(16)  NOT NULL CHECK (tier IN ('NEW', 'REGULAR', 'SENIOR', 'KEY_ACCOUNT')),
    industries         text[]       NOT NULL DEFAULT '{}',
    products           text[]       NOT NULL DEFAULT '{}',
    languages          text[]       NOT NULL DEFAULT '{}',
    weight             integer      NOT NULL DEFAULT 10 CHECK (weight BETWEEN 1 AND 1000),
    max_open_leads     integer      NOT NULL CHECK (max_open_leads >= 0),
    max_new_per_day    integer      NOT NULL CHECK (max_new_per_day >= 0),
    max_new_per_month  integer      NOT NULL CHECK (max_new_per_month >= 0),
    working_days       smallint[]   NOT NULL DEFAULT '{1,2,3,4,5}',
    hire_date          date,
    active             boolean      NOT NULL DEFAULT true,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    version            integer      NOT NULL DEFAULT 0,
    CHECK (max_new_per_day <= max_new_per_month)
);
CREATE UNIQUE INDEX rep_email ON rep (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX rep_team ON rep (team_id);

CREATE TABLE rep_territory (
    rep_id  bigint      NOT NULL REFERENCES rep (id) ON DELETE CASCADE,
    kind    varchar(16) NOT NULL CHECK (kind IN ('PROVINCE', 'CITY', 'POSTAL_PREFIX')),
    code    varchar(12) NOT NULL,
    PRIMARY KEY (rep_id, kind, code)
);
CREATE INDEX rep_territory_code ON rep_territory (kind, code);

CREATE TABLE rep_absence (
    id         bigserial PRIMARY KEY,
    rep_id     bigint       NOT NULL REFERENCES rep (id) ON DELETE CASCADE,
    starts_on  date         NOT NULL,
    ends_on    date         NOT NULL,
    reason     varchar(200),
    CHECK (ends_on >= starts_on)
);
CREATE INDEX rep_absence_rep ON rep_absence (rep_id, starts_on);

CREATE TABLE app_user (
    id             bigserial PRIMARY KEY,
    username       varchar(64)  NOT NULL,
    password_hash  varchar(100) NOT NULL,
    display_name   varchar(100) NOT NULL,
    email          varchar(254),
    role           varchar(16)  NOT NULL CHECK (role IN ('ADMIN', 'DIRECTOR', 'MANAGER', 'REP', 'FINANCE')),
    team_id        bigint REFERENCES team (id),
    rep_id         bigint UNIQUE REFERENCES rep (id),
    locale         varchar(10)  NOT NULL DEFAULT 'en',
    enabled        boolean      NOT NULL DEFAULT true,
    failed_logins  integer      NOT NULL DEFAULT 0,
    locked_until   timestamptz,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    version        integer      NOT NULL DEFAULT 0,
    CHECK (role <> 'MANAGER' OR team_id IS NOT NULL),
    CHECK (role <> 'REP' OR rep_id IS NOT NULL)
);
CREATE UNIQUE INDEX app_user_username ON app_user (lower(username));

CREATE TABLE api_token (
    id            bigserial PRIMARY KEY,
    user_id       bigint       NOT NULL REFERENCES app_user (id),
    name          varchar(100) NOT NULL,
    token_hash    char(64)     NOT NULL UNIQUE,
    token_prefix  varchar(16)  NOT NULL,
    created_by    varchar(64)  NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    expires_at    timestamptz,
    revoked_at    timestamptz,
    last_used_at  timestamptz
);

-- Audit (F13): append-only. No code path updates or deletes it, and the database refuses to.
CREATE TABLE audit_event (
    id           bigserial PRIMARY KEY,
    occurred_at  timestamptz  NOT NULL,
    actor        varchar(64)  NOT NULL,
    action       varchar(40)  NOT NULL,
    entity_type  varchar(40)  NOT NULL,
    entity_id    varchar(64)  NOT NULL,
    team_id      bigint,
    rep_id       bigint,
    before       jsonb,
    after        jsonb,
    reason       varchar(500)
);
CREATE INDEX audit_event_entity ON audit_event (entity_type, entity_id, occurred_at DESC);
CREATE INDEX audit_event_time ON audit_event (occurred_at DESC);
CREATE INDEX audit_event_team ON audit_event (team_id, occurred_at DESC);

CREATE FUNCTION audit_event_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
