-- One number that moves whenever the organisation routing reads changes (reps, their territories and
-- absences, teams and their tree), so a node can keep the routing roster in memory and check it with
-- one cheap read per lead instead of reading reps, territories, absences and team paths (decision 0211).
-- Statement-level triggers move it in the changing transaction; it becomes visible when that commits.
-- The values come from a sequence, which a rollback does not give back: a number a rolled-back change
-- took (and that the changing transaction itself may have read a roster under) is never used again.
CREATE SEQUENCE org_version_seq;
CREATE TABLE org_version (
    id      boolean PRIMARY KEY DEFAULT true CHECK (id),
    version bigint  NOT NULL
);
INSERT INTO org_version (id, version) VALUES (true, 0);

CREATE FUNCTION bump_org_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE org_version SET version = nextval('org_version_seq');
    RETURN NULL;
END
$$;

CREATE TRIGGER rep_moves_org_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rep
    FOR EACH STATEMENT EXECUTE FUNCTION bump_org_version();
CREATE TRIGGER rep_territory_moves_org_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rep_territory
    FOR EACH STATEMENT EXECUTE FUNCTION bump_org_version();
CREATE TRIGGER rep_absence_moves_org_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rep_absence
    FOR EACH STATEMENT EXECUTE FUNCTION bump_org_version();
CREATE TRIGGER team_moves_org_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON team
    FOR EACH STATEMENT EXECUTE FUNCTION bump_org_version();
