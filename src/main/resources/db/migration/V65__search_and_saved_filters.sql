-- Global search (leads, customers, deals by name, company, phone digits or e-mail, partial match) and saved list filters.

-- Substring search ('%text%') can only use an index through trigrams. pg_trgm ships with PostgreSQL (the embedded
-- test server too) and is a trusted extension, so the database owner may create it; where it is missing the search
-- still works (sequential scan within the viewer's scope), only without these indexes.
DO $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm is not available (%); search runs without trigram indexes', SQLERRM;
    END;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX lead_company_trgm ON lead USING gin (company gin_trgm_ops)';
        EXECUTE 'CREATE INDEX lead_contact_trgm ON lead USING gin (contact_name gin_trgm_ops)';
        EXECUTE 'CREATE INDEX lead_email_trgm ON lead USING gin (email gin_trgm_ops)';
        EXECUTE 'CREATE INDEX lead_phone_digits_trgm ON lead USING gin ((regexp_replace(phone, ''[^0-9]'', '''', ''g'')) gin_trgm_ops)';
        EXECUTE 'CREATE INDEX customer_name_trgm ON customer USING gin (name gin_trgm_ops)';
        EXECUTE 'CREATE INDEX customer_contact_trgm ON customer USING gin (contact_name gin_trgm_ops)';
        EXECUTE 'CREATE INDEX customer_email_trgm ON customer USING gin (email gin_trgm_ops)';
        EXECUTE 'CREATE INDEX customer_phone_digits_trgm ON customer USING gin ((regexp_replace(phone, ''[^0-9]'', '''', ''g'')) gin_trgm_ops)';
        EXECUTE 'CREATE INDEX deal_name_trgm ON deal USING gin (name gin_trgm_ops)';
    END IF;
END
$$;

-- A user's named filter of one list (leads, tasks, deals): the list's query string, replayed as a link.
CREATE TABLE saved_filter (
    id          bigserial PRIMARY KEY,
    user_id     bigint        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    list_name   varchar(16)   NOT NULL,
    name        varchar(60)   NOT NULL,
    query       varchar(1000) NOT NULL,
    created_at  timestamptz   NOT NULL
);
CREATE UNIQUE INDEX saved_filter_name ON saved_filter (user_id, list_name, lower(name));
