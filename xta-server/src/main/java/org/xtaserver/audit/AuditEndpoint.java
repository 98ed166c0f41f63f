package org.xtaserver.audit;

import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.lang.Nullable;

/**
 * Read-only admin view of the audit trail on the management port:
 * {@code GET /actuator/audit?tenant=ID&messageId=URN&limit=N}.
 */
@Endpoint(id = "audit")
public class AuditEndpoint {

	static final int MAX_LIMIT = 1000;

	private final AuditTrail trail;

	public AuditEndpoint(AuditTrail trail) {
		this.trail = trail;
	}

	@ReadOperation
	public List<AuditEvent> events(@Nullable String tenant, @Nullable String messageId, @Nullable Integer limit) {
		int n = (limit == null || limit <= 0) ? 100 : Math.min(limit, MAX_LIMIT);
		return this.trail.query(tenant, messageId, n);
	}
}
