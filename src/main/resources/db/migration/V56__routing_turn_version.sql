-- Turn-keeping rules (round robin, smooth weighted round robin) take their turn with one
-- compare-and-set UPDATE on this version, committed at once on its own connection, instead of
-- holding the row lock until the lead's transaction commits (decision 0204).
ALTER TABLE routing_rule_state ADD COLUMN version bigint NOT NULL DEFAULT 0;
