-- Secrets every replica needs alike, created at random by the first instance that needs one and
-- shared through the database, so that operators configure nothing: the key that signs the message
-- ids createMessageId reserves.
CREATE TABLE server_secret (
  name        VARCHAR(64)    NOT NULL PRIMARY KEY,
  secret      VARBINARY(64)  NOT NULL,
  created_at  DATETIME(6)    NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
