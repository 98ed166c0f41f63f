-- Messages from another transport keep that transport's id (the OSCI message id) as their key per
-- tenant: a delivery fetched twice (after a crash between the intermediary's answer and our
-- commit, or by reconciliation) is stored once.
ALTER TABLE message ADD COLUMN source_key VARCHAR(255) NULL AFTER source;
ALTER TABLE message ADD UNIQUE KEY message_source_key (reader_tenant, source, source_key);
