-- Who did what to which message, when. Never payloads or personal data; kept beyond message
-- retention (messages are purged, this is not).
CREATE TABLE audit_event (
  id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at                 DATETIME(6)   NOT NULL,
  tenant_id          VARCHAR(63)   NULL,
  client_name        VARCHAR(255)  NULL,
  certificate_sha256 CHAR(64)      NULL,
  party_type         VARCHAR(255)  NULL,
  party_value        VARCHAR(255)  NULL,
  action             VARCHAR(32)   NOT NULL,
  message_id         VARCHAR(255)  NULL,
  outcome            VARCHAR(16)   NOT NULL,
  reason             VARCHAR(255)  NULL,
  KEY audit_tenant (tenant_id, id),
  KEY audit_message (message_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
