-- A lead taken from a rep after a missed first-contact SLA is routed anew; record it as its own kind.
ALTER TABLE routing_assignment DROP CONSTRAINT IF EXISTS routing_assignment_kind_check;
ALTER TABLE routing_assignment ADD CONSTRAINT routing_assignment_kind_check
    CHECK (kind IN ('AUTO', 'MANUAL', 'BULK', 'REBALANCE', 'SLA_BREACH'));
