-- Credit split and confirmation (issue 9, decision 0502): a won deal's result as the owner submits it,
-- approved by the owner team's manager and confirmed by finance; only confirmed entries count as revenue.
-- A confirmed entry is never edited: a REVERSAL entry (negative amounts, reverses_id = the original) undoes it.
CREATE TABLE credit_entry (
    id             bigserial PRIMARY KEY,
    deal_id        bigint         NOT NULL REFERENCES deal (id),
    kind           varchar(16)    NOT NULL CHECK (kind IN ('RESULT', 'REVERSAL')),
    reverses_id    bigint REFERENCES credit_entry (id),
    owner_rep_id   bigint         NOT NULL REFERENCES rep (id),
    owner_team_id  bigint         NOT NULL REFERENCES team (id),
    amount         numeric(14, 2) NOT NULL,
    currency       char(3)        NOT NULL,
    won_on         date           NOT NULL,
    policy         varchar(16)    NOT NULL,
    evidence       varchar(2000),
    state          varchar(16)    NOT NULL CHECK (state IN ('SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'CONFIRMED', 'REVERSED')),
    reason         varchar(500),
    submitted_at   timestamptz    NOT NULL,
    submitted_by   varchar(64)    NOT NULL,
    approved_at    timestamptz,
    approved_by    varchar(64),
    confirmed_at   timestamptz,
    confirmed_by   varchar(64),
    -- the company's day of the confirmation: revenue counts on it
    confirmed_on   date,
    version        integer        NOT NULL DEFAULT 0,
    CHECK ((kind = 'REVERSAL') = (reverses_id IS NOT NULL)),
    CHECK (kind = 'REVERSAL' OR amount > 0),
    CHECK ((state IN ('CONFIRMED', 'REVERSED')) = (confirmed_on IS NOT NULL))
);
-- one live result per deal: a new submission only once the last one was reversed
CREATE UNIQUE INDEX credit_entry_live_result ON credit_entry (deal_id) WHERE kind = 'RESULT' AND state <> 'REVERSED';
CREATE UNIQUE INDEX credit_entry_one_reversal ON credit_entry (reverses_id) WHERE reverses_id IS NOT NULL;
CREATE INDEX credit_entry_state ON credit_entry (state, owner_team_id);
CREATE INDEX credit_entry_confirmed_on ON credit_entry (confirmed_on) WHERE confirmed_on IS NOT NULL;

-- Each rep's share of an entry: percent (to two decimals, adding up to 100) and money (adding up to the
-- entry's amount to the cent). team_id is the rep's team when the share was set (team goals count it there).
CREATE TABLE credit_share (
    entry_id  bigint         NOT NULL REFERENCES credit_entry (id),
    position  smallint       NOT NULL,
    rep_id    bigint         NOT NULL REFERENCES rep (id),
    team_id   bigint         NOT NULL REFERENCES team (id),
    percent   numeric(5, 2)  NOT NULL CHECK (percent > 0 AND percent <= 100),
    amount    numeric(14, 2) NOT NULL,
    PRIMARY KEY (entry_id, position),
    UNIQUE (entry_id, rep_id)
);
CREATE INDEX credit_share_rep ON credit_share (rep_id);
