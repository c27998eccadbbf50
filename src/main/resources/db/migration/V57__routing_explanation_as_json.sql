-- Explanations are written once and read back whole, never queried inside: keep them as json (the
-- text as sent, checked for syntax) instead of jsonb, which PostgreSQL parses into its binary form on
-- every insert. For a 500-lead import chunk of 30-candidate explanations that parse was about half of
-- the chunk's database time (decision 0210). Rewrites the table once.
ALTER TABLE routing_assignment ALTER COLUMN explanation TYPE json USING explanation::json;
