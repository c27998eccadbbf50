-- Rebalancing proposals: the moves a solver found, previewed with their gain, then applied
-- (each move through lead ownership, audited) or discarded. Never deleted.
CREATE TABLE routing_rebalance (
    id                bigserial PRIMARY KEY,
    team_id           bigint       REFERENCES team (id),
    status            varchar(10)  NOT NULL CHECK (status IN ('PROPOSED', 'APPLIED', 'DISCARDED')),
    guard_multiple    numeric(6, 2) NOT NULL,
    move_penalty      numeric(10, 6) NOT NULL,
    require_skill     boolean      NOT NULL,
    leads             integer      NOT NULL,
    reps              integer      NOT NULL,
    objective_before  double precision NOT NULL,
    objective_after   double precision NOT NULL,
    upper_bound       double precision NOT NULL,
    solve_millis      bigint       NOT NULL,
    created_by        varchar(64)  NOT NULL,
    created_at        timestamptz  NOT NULL,
    decided_by        varchar(64),
    decided_at        timestamptz
);

CREATE TABLE routing_rebalance_move (
    id            bigserial PRIMARY KEY,
    rebalance_id  bigint           NOT NULL REFERENCES routing_rebalance (id),
    lead_id       bigint           NOT NULL REFERENCES lead (id),
    from_rep_id   bigint           NOT NULL REFERENCES rep (id),
    to_rep_id     bigint           NOT NULL REFERENCES rep (id),
    gain          double precision NOT NULL,
    status        varchar(8)       NOT NULL DEFAULT 'PROPOSED' CHECK (status IN ('PROPOSED', 'APPLIED', 'SKIPPED')),
    skip_reason   varchar(100)
);
CREATE INDEX routing_rebalance_move_rebalance ON routing_rebalance_move (rebalance_id, id);
