-- Working hours (issue 15). A team's calendar: the hours it works, in its time zone, and whether it
-- keeps mainland China's public holidays (with their make-up working days, 调休). A team without a
-- row works as the nearest team above it that has one; with none above, at any hour (the behaviour
-- before calendars existed). The days of the week each rep works stay on the rep.
CREATE TABLE team_calendar (
    team_id          bigint       PRIMARY KEY REFERENCES team (id) ON DELETE CASCADE,
    starts_at        time         NOT NULL,
    ends_at          time         NOT NULL,
    time_zone        varchar(64)  NOT NULL,
    public_holidays  boolean      NOT NULL,
    hold_off_hours   boolean      NOT NULL DEFAULT true,
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);

-- Mainland China's public holidays as data, editable: a day off (working = false) or a make-up
-- working day on a weekend (working = true).
CREATE TABLE public_holiday (
    day      date         PRIMARY KEY,
    working  boolean      NOT NULL,
    name     varchar(60)  NOT NULL
);

-- As published by the State Council for 2026 (国务院办公厅关于2026年部分节假日安排的通知).
INSERT INTO public_holiday (day, working, name)
SELECT d::date, false, n FROM (VALUES
    ('2026-01-01', '元旦'), ('2026-01-02', '元旦'), ('2026-01-03', '元旦'),
    ('2026-02-15', '春节'), ('2026-02-16', '春节'), ('2026-02-17', '春节'), ('2026-02-18', '春节'), ('2026-02-19', '春节'),
    ('2026-02-20', '春节'), ('2026-02-21', '春节'), ('2026-02-22', '春节'), ('2026-02-23', '春节'),
    ('2026-04-04', '清明节'), ('2026-04-05', '清明节'), ('2026-04-06', '清明节'),
    ('2026-05-01', '劳动节'), ('2026-05-02', '劳动节'), ('2026-05-03', '劳动节'), ('2026-05-04', '劳动节'), ('2026-05-05', '劳动节'),
    ('2026-06-19', '端午节'), ('2026-06-20', '端午节'), ('2026-06-21', '端午节'),
    ('2026-09-25', '中秋节'), ('2026-09-26', '中秋节'), ('2026-09-27', '中秋节'),
    ('2026-10-01', '国庆节'), ('2026-10-02', '国庆节'), ('2026-10-03', '国庆节'), ('2026-10-04', '国庆节'), ('2026-10-05', '国庆节'),
    ('2026-10-06', '国庆节'), ('2026-10-07', '国庆节')) AS h (d, n);
INSERT INTO public_holiday (day, working, name) VALUES
    ('2026-01-04', true, '元旦调休'), ('2026-02-14', true, '春节调休'), ('2026-02-28', true, '春节调休'),
    ('2026-05-09', true, '劳动节调休'), ('2026-09-20', true, '国庆节调休'), ('2026-10-10', true, '国庆节调休');

-- On duty (值班): a rep who takes leads for her team in the given interval, whatever the calendar says.
CREATE TABLE duty_shift (
    id          bigserial     PRIMARY KEY,
    team_id     bigint        NOT NULL REFERENCES team (id) ON DELETE CASCADE,
    rep_id      bigint        NOT NULL REFERENCES rep (id) ON DELETE CASCADE,
    starts_at   timestamptz   NOT NULL,
    ends_at     timestamptz   NOT NULL,
    note        varchar(200),
    created_by  varchar(100)  NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    CHECK (ends_at > starts_at)
);
CREATE INDEX duty_shift_period ON duty_shift (ends_at, starts_at);

-- Calendars decide who may take a lead, so the routing roster's cache must see their changes.
CREATE TRIGGER team_calendar_moves_org_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON team_calendar
    FOR EACH STATEMENT EXECUTE FUNCTION bump_org_version();
CREATE TRIGGER public_holiday_moves_org_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public_holiday
    FOR EACH STATEMENT EXECUTE FUNCTION bump_org_version();
CREATE TRIGGER duty_shift_moves_org_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON duty_shift
    FOR EACH STATEMENT EXECUTE FUNCTION bump_org_version();

-- Leads that arrived when nobody who could take them was working: routed, in arrival order, when
-- the next working period starts (route_after), by the rules active then. Why a lead waits is its
-- routing_assignment row with outcome WAITING.
CREATE TABLE routing_waiting (
    lead_id      bigint       PRIMARY KEY REFERENCES lead (id) ON DELETE CASCADE,
    arrived_at   timestamptz  NOT NULL,
    route_after  timestamptz  NOT NULL,
    held_at      timestamptz  NOT NULL DEFAULT now(),
    team_ids     bigint[]     NOT NULL
);
ALTER TABLE routing_assignment DROP CONSTRAINT IF EXISTS routing_assignment_outcome_check;
ALTER TABLE routing_assignment ADD CONSTRAINT routing_assignment_outcome_check CHECK (outcome IN ('ASSIGNED', 'POOLED', 'WAITING'));
CREATE INDEX routing_waiting_due ON routing_waiting (route_after, arrived_at);
