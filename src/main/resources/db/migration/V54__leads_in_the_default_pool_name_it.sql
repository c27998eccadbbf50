-- A lead moved to "the default pool" used to be stored with pool_id NULL (LeadOwnership.moveToPool
-- with no pool), so it looked unrouted and was in no pool. The move history always named the pool
-- (the default pool's id): unowned leads without a pool whose last move went into a pool get it back.
UPDATE lead l
SET pool_id = last_move.to_pool_id, version = l.version + 1
FROM (SELECT DISTINCT ON (lead_id) lead_id, to_pool_id FROM lead_move ORDER BY lead_id, id DESC) last_move
WHERE last_move.lead_id = l.id
  AND last_move.to_pool_id IS NOT NULL
  AND l.owner_rep_id IS NULL
  AND l.pool_id IS NULL;
