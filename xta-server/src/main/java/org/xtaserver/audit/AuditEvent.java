package org.xtaserver.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit trail. Holds identities and ids only: no payload, no metadata content.
 *
 * @param outcome {@code OK} or {@code DENIED}
 * @param reason the error code of a refusal, e.g. {@code 9014}
 */
public record AuditEvent(Instant at, String tenantId, String clientName, String certificateSha256, String partyType,
		String partyValue, AuditAction action, String messageId, String outcome, String reason) {

	public static final String OK = "OK";

	public static final String DENIED = "DENIED";

	public AuditEvent {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(outcome, "outcome");
	}
}
