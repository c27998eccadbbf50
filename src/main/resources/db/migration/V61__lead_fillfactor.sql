-- Room on each page of lead for a row's next version (decision 0212). A new lead is written again at
-- once (its score, then its owner or pool) and many times over its life (status, follow-ups, owner
-- changes). With full pages every such UPDATE moves the row to another page and adds an entry to all
-- of the table's indexes; with room left on the page, an update that changes no indexed column (the
-- score, the status, the follow-up times) stays on the page without touching any index (a HOT update).
-- Applies to pages written from now on; existing pages fill up the next time they are rewritten.
ALTER TABLE lead SET (fillfactor = 70);
