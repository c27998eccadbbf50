-- Backtests of a rule set against the active one over a period of historical leads. They run in
-- the background on the node that started them; progress and results live here, so any node can show them.
CREATE TABLE routing_backtest (
    id                     bigserial PRIMARY KEY,
    rule_set_id            bigint       NOT NULL REFERENCES routing_rule_set (id),
    active_rule_set_id     bigint       REFERENCES routing_rule_set (id),
    period_from            date         NOT NULL,
    period_to              date         NOT NULL,
    status                 varchar(8)   NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    processed              bigint       NOT NULL DEFAULT 0,
    total                  bigint       NOT NULL DEFAULT 0,
    result                 jsonb,
    error                  varchar(500),
    started_by             varchar(64)  NOT NULL,
    started_at             timestamptz  NOT NULL,
    finished_at            timestamptz,
    CHECK (period_to >= period_from)
);
