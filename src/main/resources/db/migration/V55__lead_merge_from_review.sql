-- A lead flagged as a possible duplicate and then merged into the lead it duplicates by a person
-- (from the review screen): the merge record names the flagged lead it came from. The flagged lead
-- itself is kept (closed as LOST, still marked duplicate_of), nothing is deleted.
ALTER TABLE lead_merge ADD COLUMN from_lead_id bigint REFERENCES lead (id);
CREATE UNIQUE INDEX lead_merge_from_lead ON lead_merge (from_lead_id) WHERE from_lead_id IS NOT NULL;
