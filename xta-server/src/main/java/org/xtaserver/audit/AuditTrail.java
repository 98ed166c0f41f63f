package org.xtaserver.audit;

import java.util.List;

/** The durable audit trail; shared by all replicas through the database. */
public interface AuditTrail {

	/** Stores {@code event}; a failure is logged, not thrown: the request's outcome does not depend on it. */
	void record(AuditEvent event);

	/** Stores {@code event} or throws: for an operation whose audit entry is its only durable record. */
	void recordOrFail(AuditEvent event);

	/**
	 * Newest first, at most {@code limit}; {@code tenantId} and {@code messageId} filter when not null.
	 */
	List<AuditEvent> query(String tenantId, String messageId, int limit);
}
