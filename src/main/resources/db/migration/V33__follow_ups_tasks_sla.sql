-- Follow-ups, tasks and SLA timers (F6).

CREATE TABLE follow_up (
    id                 bigserial PRIMARY KEY,
    lead_id            bigint        NOT NULL REFERENCES lead (id),
    deal_id            bigint,
    rep_id             bigint REFERENCES rep (id),
    author             varchar(64)   NOT NULL,
    kind               varchar(10)   NOT NULL CHECK (kind IN ('CALL', 'VISIT', 'EMAIL', 'WECHAT', 'MEETING')),
    notes              varchar(4000),
    outcome            varchar(16)   NOT NULL CHECK (outcome IN ('POSITIVE', 'NEUTRAL', 'NEGATIVE', 'NO_RESPONSE')),
    next_step          varchar(500),
    next_follow_up_at  timestamptz,
    occurred_at        timestamptz   NOT NULL,
    created_at         timestamptz   NOT NULL
);
CREATE INDEX follow_up_lead ON follow_up (lead_id, occurred_at DESC);
CREATE INDEX follow_up_rep ON follow_up (rep_id, occurred_at DESC);

-- Task types and the workload points an open task of the type adds to its owner's load.
CREATE TABLE task_type (
    code             varchar(20) PRIMARY KEY,
    name_en          varchar(60) NOT NULL,
    name_zh          varchar(60) NOT NULL,
    workload_points  integer     NOT NULL CHECK (workload_points BETWEEN 0 AND 100),
    version          integer     NOT NULL DEFAULT 0
);
INSERT INTO task_type (code, name_en, name_zh, workload_points) VALUES
    ('FOLLOW_UP', 'Follow-up', '跟进', 1),
    ('CALL', 'Call', '电话', 1),
    ('VISIT', 'Visit', '拜访', 3),
    ('MEETING', 'Meeting', '会议', 2),
    ('PROPOSAL', 'Proposal', '方案', 4),
    ('ADMIN', 'Admin', '事务', 1);

CREATE TABLE task (
    id               bigserial PRIMARY KEY,
    parent_id        bigint REFERENCES task (id),
    title            varchar(200)  NOT NULL,
    description      varchar(2000),
    owner_rep_id     bigint        NOT NULL REFERENCES rep (id),
    owner_team_id    bigint        NOT NULL REFERENCES team (id),
    type_code        varchar(20)   NOT NULL REFERENCES task_type (code),
    workload_points  integer       NOT NULL DEFAULT 0 CHECK (workload_points >= 0),
    important        boolean       NOT NULL,
    urgent           boolean       NOT NULL,
    status           varchar(12)   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    required         boolean       NOT NULL DEFAULT true,
    due_at           timestamptz,
    lead_id          bigint REFERENCES lead (id),
    deal_id          bigint,
    follow_up_id     bigint REFERENCES follow_up (id),
    created_by       varchar(64)   NOT NULL,
    created_at       timestamptz   NOT NULL,
    completed_at     timestamptz,
    version          integer       NOT NULL DEFAULT 0,
    CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX task_owner_open ON task (owner_rep_id, due_at) WHERE status IN ('OPEN', 'IN_PROGRESS');
CREATE INDEX task_team_open ON task (owner_team_id, due_at) WHERE status IN ('OPEN', 'IN_PROGRESS');
CREATE INDEX task_due_open ON task (due_at) WHERE status IN ('OPEN', 'IN_PROGRESS');
CREATE INDEX task_lead ON task (lead_id);
CREATE INDEX task_parent ON task (parent_id);

-- One reminder per task, kind and due time.
CREATE TABLE task_reminder (
    task_id  bigint      NOT NULL REFERENCES task (id),
    kind     varchar(10) NOT NULL CHECK (kind IN ('DUE_SOON', 'OVERDUE')),
    due_at   timestamptz NOT NULL,
    sent_at  timestamptz NOT NULL,
    PRIMARY KEY (task_id, kind, due_at)
);

-- First-contact SLA per lead grade; grade NULL is the default for grades without their own.
CREATE TABLE sla_policy (
    id                     bigserial PRIMARY KEY,
    grade                  char(1) CHECK (grade IN ('A', 'B', 'C', 'D')),
    first_contact_minutes  integer NOT NULL CHECK (first_contact_minutes > 0),
    remind_before_minutes  integer NOT NULL CHECK (remind_before_minutes >= 0),
    working_hours          boolean NOT NULL DEFAULT false,
    auto_reassign          boolean NOT NULL DEFAULT false,
    version                integer NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX sla_policy_grade ON sla_policy (coalesce(grade, '*'));
INSERT INTO sla_policy (grade, first_contact_minutes, remind_before_minutes) VALUES (NULL, 1440, 120);

-- One timer per assignment: started when a lead gets an owner, met by the owner's first follow-up.
CREATE TABLE sla_timer (
    id              bigserial PRIMARY KEY,
    lead_id         bigint      NOT NULL REFERENCES lead (id),
    rep_id          bigint      NOT NULL REFERENCES rep (id),
    team_id         bigint      NOT NULL REFERENCES team (id),
    assigned_at     timestamptz NOT NULL,
    due_at          timestamptz NOT NULL,
    remind_at       timestamptz NOT NULL,
    auto_reassign   boolean     NOT NULL,
    status          varchar(10) NOT NULL DEFAULT 'RUNNING' CHECK (status IN ('RUNNING', 'MET', 'BREACHED', 'CANCELLED')),
    met_at          timestamptz,
    reminded_at     timestamptz,
    breached_at     timestamptz,
    escalated_at    timestamptz,
    reassigned_at   timestamptz,
    UNIQUE (lead_id, rep_id, assigned_at)
);
CREATE INDEX sla_timer_running ON sla_timer (due_at) WHERE status = 'RUNNING';
CREATE INDEX sla_timer_lead ON sla_timer (lead_id, id DESC);
CREATE INDEX sla_timer_team ON sla_timer (team_id, status);
