package org.xtaserver.audit;

import java.util.List;

/** The durable audit trail; shared by all replicas through the database. */
public interface AuditTrail {

	void record(AuditEvent event);

	/**
	 * Newest first, at most {@code limit}; {@code tenantId} and {@code messageId} filter when not null.
	 */
	List<AuditEvent> query(String tenantId, String messageId, int limit);
}
