-- Follow-ups and tasks on a lead, a deal or a customer (F6). A follow-up logged on a deal also names
-- the deal's lead and customer (it is activity for both); one logged on a customer names the customer.
-- A task links to any of the three.

ALTER TABLE follow_up ALTER COLUMN lead_id DROP NOT NULL;
ALTER TABLE follow_up ADD COLUMN customer_id bigint;
ALTER TABLE follow_up ADD CONSTRAINT follow_up_has_subject
    CHECK (lead_id IS NOT NULL OR deal_id IS NOT NULL OR customer_id IS NOT NULL);
CREATE INDEX follow_up_deal ON follow_up (deal_id, occurred_at DESC) WHERE deal_id IS NOT NULL;
CREATE INDEX follow_up_customer ON follow_up (customer_id, occurred_at DESC) WHERE customer_id IS NOT NULL;

ALTER TABLE task ADD COLUMN customer_id bigint;
CREATE INDEX task_deal ON task (deal_id) WHERE deal_id IS NOT NULL;
CREATE INDEX task_customer ON task (customer_id) WHERE customer_id IS NOT NULL;

ALTER TABLE follow_up ADD CONSTRAINT follow_up_deal_fk FOREIGN KEY (deal_id) REFERENCES deal (id);
ALTER TABLE follow_up ADD CONSTRAINT follow_up_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id);
ALTER TABLE task ADD CONSTRAINT task_deal_fk FOREIGN KEY (deal_id) REFERENCES deal (id);
ALTER TABLE task ADD CONSTRAINT task_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id);
