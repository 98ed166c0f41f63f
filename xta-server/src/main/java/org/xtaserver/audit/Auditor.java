package org.xtaserver.audit;

import java.time.Clock;
import org.xtaserver.message.MessageId;
import org.xtaserver.message.XtaError;
import org.xtaserver.security.Caller;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantId;

/** Writes audit events for the services, with the time from the injected clock. */
public class Auditor {

	private final AuditTrail trail;

	private final Clock clock;

	public Auditor(AuditTrail trail, Clock clock) {
		this.trail = trail;
		this.clock = clock;
	}

	public void ok(Caller caller, AuditAction action, MessageId messageId) {
		this.trail.record(event(caller, action, messageId, AuditEvent.OK, null));
	}

	/** As {@link #ok}, but throws when the entry cannot be stored: where it is the operation's only record. */
	public void okOrFail(Caller caller, AuditAction action, MessageId messageId) {
		this.trail.recordOrFail(event(caller, action, messageId, AuditEvent.OK, null));
	}

	public void denied(Caller caller, AuditAction action, MessageId messageId, XtaError error) {
		this.trail.record(event(caller, action, messageId, AuditEvent.DENIED, error.code().number() + " " + error.name()));
	}

	/** A refusal before the caller was established: what the certificate and the request claimed. */
	public void deniedIdentity(TenantId tenant, String clientName, String certificateSha256, PartyId claimed,
			XtaError error) {
		this.trail.record(new AuditEvent(this.clock.instant(), tenant == null ? null : tenant.value(), clientName,
				certificateSha256, claimed == null ? null : claimed.type(), claimed == null ? null : claimed.value(),
				AuditAction.AUTHENTICATE, null, AuditEvent.DENIED, error.code().number() + " " + error.name()));
	}

	private AuditEvent event(Caller caller, AuditAction action, MessageId messageId, String outcome, String reason) {
		return new AuditEvent(this.clock.instant(), caller.tenant().value(), caller.clientName(),
				caller.certificateSha256(), caller.party().type(), caller.party().value(), action,
				messageId == null ? null : messageId.value(), outcome, reason);
	}
}
