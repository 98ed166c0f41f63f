package org.xtaserver.audit;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link AuditTrail} in the {@code audit_event} table. */
public class JdbcAuditTrail implements AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(JdbcAuditTrail.class);

	private final JdbcTemplate jdbc;

	public JdbcAuditTrail(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void record(AuditEvent e) {
		try {
			recordOrFail(e);
		}
		catch (DataAccessException ex) {
			// The request's own outcome must not depend on the audit insert; the log keeps the fact.
			log.error("XTA-3100 audit event not stored: {} {} tenant {} message {}", e.action(), e.outcome(), e.tenantId(),
					e.messageId(), ex);
		}
	}

	@Override
	public void recordOrFail(AuditEvent e) {
		this.jdbc.update("INSERT INTO audit_event (at, tenant_id, client_name, certificate_sha256, party_type, "
				+ "party_value, action, message_id, outcome, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				LocalDateTime.ofInstant(e.at(), ZoneOffset.UTC), e.tenantId(), truncate(e.clientName()),
				e.certificateSha256(), truncate(e.partyType()), truncate(e.partyValue()), e.action().name(),
				truncate(e.messageId()), e.outcome(), truncate(e.reason()));
	}

	@Override
	public List<AuditEvent> query(String tenantId, String messageId, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE 1 = 1");
		List<Object> args = new ArrayList<>();
		if (tenantId != null) {
			sql.append(" AND tenant_id = ?");
			args.add(tenantId);
		}
		if (messageId != null) {
			sql.append(" AND message_id = ?");
			args.add(messageId);
		}
		sql.append(" ORDER BY id DESC LIMIT ?");
		args.add(limit);
		return this.jdbc.query(sql.toString(),
				(rs, i) -> new AuditEvent(rs.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
						rs.getString("tenant_id"), rs.getString("client_name"), rs.getString("certificate_sha256"),
						rs.getString("party_type"), rs.getString("party_value"), AuditAction.valueOf(rs.getString("action")),
						rs.getString("message_id"), rs.getString("outcome"), rs.getString("reason")),
				args.toArray());
	}

	private static String truncate(String value) {
		return (value == null || value.length() <= 255) ? value : value.substring(0, 255);
	}
}
