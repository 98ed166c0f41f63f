-- One row per tenant: which server instance fetches it from the OSCI intermediary, until when.
-- Times are the database's (UTC), so that replicas with drifting clocks agree.
CREATE TABLE fetch_lease (
  tenant_id   VARCHAR(63)  NOT NULL PRIMARY KEY,
  owner       VARCHAR(255) NOT NULL,
  expires_at  DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
