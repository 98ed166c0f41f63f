-- The message store. "Accepted" means committed: a message row is written, with its parts and
-- its first status events, in the one transaction that ends sendMessage (or an OSCI fetch).

-- Message ids handed out by createMessageId, reserved for the calling author until used.
CREATE TABLE reserved_message_id (
  message_id     VARCHAR(255) NOT NULL PRIMARY KEY,
  tenant_id      VARCHAR(63)  NOT NULL,
  author_type    VARCHAR(255) NOT NULL,
  author_value   VARCHAR(255) NOT NULL,
  reserved_at    DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Content is kept in 1 MiB chunks so that no single packet, row or Galera write set has to hold
-- a whole attachment. A content row is complete only once a message references it.
CREATE TABLE content (
  id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  size_bytes     BIGINT       NOT NULL DEFAULT 0,
  sha256         CHAR(64)     NULL,
  complete       BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at     DATETIME(6)  NOT NULL,
  KEY content_incomplete (complete, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE content_chunk (
  content_id     BIGINT       NOT NULL,
  seq            INT          NOT NULL,
  data           MEDIUMBLOB   NOT NULL,
  PRIMARY KEY (content_id, seq),
  CONSTRAINT fk_chunk_content FOREIGN KEY (content_id) REFERENCES content (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE message (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  message_id       VARCHAR(255) NOT NULL,
  source           VARCHAR(16)  NOT NULL,
  author_tenant    VARCHAR(63)  NULL,
  author_type      VARCHAR(255) NOT NULL,
  author_value     VARCHAR(255) NOT NULL,
  reader_tenant    VARCHAR(63)  NULL,
  reader_type      VARCHAR(255) NOT NULL,
  reader_value     VARCHAR(255) NOT NULL,
  service          VARCHAR(512) NULL,
  message_type     VARCHAR(512) NULL,
  content_kind     VARCHAR(16)  NOT NULL,
  content_size     BIGINT       NOT NULL,
  metadata_format  VARCHAR(16)  NOT NULL,
  metadata_doc     MEDIUMBLOB   NOT NULL,
  status           VARCHAR(32)  NOT NULL,
  accepted_at      DATETIME(6)  NOT NULL,
  delivered_at     DATETIME(6)  NULL,
  initial_fetch_at DATETIME(6)  NULL,
  reception_at     DATETIME(6)  NULL,
  cancelled_at     DATETIME(6)  NULL,
  UNIQUE KEY message_message_id (message_id),
  KEY message_postbox (reader_tenant, reader_type, reader_value, status, id),
  KEY message_author (author_tenant, author_type, author_value)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE message_part (
  message_pk       BIGINT       NOT NULL,
  part_no          INT          NOT NULL,
  role             VARCHAR(16)  NOT NULL,
  content_id       BIGINT       NOT NULL,
  content_type     VARCHAR(255) NULL,
  content_desc     VARCHAR(1024) NULL,
  encoding         VARCHAR(255) NULL,
  filename         VARCHAR(1024) NULL,
  part_ref_id      VARCHAR(255) NULL,
  lang             VARCHAR(64)  NULL,
  declared_size    BIGINT       NULL,
  PRIMARY KEY (message_pk, part_no),
  CONSTRAINT fk_part_message FOREIGN KEY (message_pk) REFERENCES message (id) ON DELETE CASCADE,
  CONSTRAINT fk_part_content FOREIGN KEY (content_id) REFERENCES content (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The transport history behind getTransportReport.
CREATE TABLE transport_event (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  message_pk       BIGINT       NOT NULL,
  status           VARCHAR(32)  NOT NULL,
  at               DATETIME(6)  NOT NULL,
  detail           VARCHAR(1024) NULL,
  KEY transport_event_message (message_pk, id),
  CONSTRAINT fk_event_message FOREIGN KEY (message_pk) REFERENCES message (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- MsgBox request ids: a listing or fetch that continues with getNext* under the same id.
CREATE TABLE msgbox_request (
  request_id       VARCHAR(255) NOT NULL PRIMARY KEY,
  reader_tenant    VARCHAR(63)  NOT NULL,
  reader_type      VARCHAR(255) NOT NULL,
  reader_value     VARCHAR(255) NOT NULL,
  kind             VARCHAR(16)  NOT NULL,
  selector_ids     TEXT         NULL,
  entry_from       DATETIME(6)  NULL,
  entry_to         DATETIME(6)  NULL,
  new_entry        BOOLEAN      NULL,
  max_items        INT          NOT NULL,
  list_form        VARCHAR(32)  NULL,
  last_key         BIGINT       NOT NULL,
  created_at       DATETIME(6)  NOT NULL,
  expires_at       DATETIME(6)  NOT NULL,
  KEY msgbox_request_expiry (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
