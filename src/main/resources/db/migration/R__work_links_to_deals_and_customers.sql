-- Foreign keys from follow-ups and tasks to deals and customers (columns: V34). Repeatable because
-- the deal and customer tables come with V40, after V34: Flyway runs this after every versioned
-- migration, and it only adds what is missing, so it is safe on new and on existing databases.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'follow_up_deal_fk') THEN
        ALTER TABLE follow_up ADD CONSTRAINT follow_up_deal_fk FOREIGN KEY (deal_id) REFERENCES deal (id);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'follow_up_customer_fk') THEN
        ALTER TABLE follow_up ADD CONSTRAINT follow_up_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'task_deal_fk') THEN
        ALTER TABLE task ADD CONSTRAINT task_deal_fk FOREIGN KEY (deal_id) REFERENCES deal (id);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'task_customer_fk') THEN
        ALTER TABLE task ADD CONSTRAINT task_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id);
    END IF;
END
$$;
