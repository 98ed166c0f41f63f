package org.xtaserver.management;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;
import org.xtaserver.audit.AuditAction;
import org.xtaserver.audit.Auditor;
import org.xtaserver.config.XtaServerProperties;
import org.xtaserver.message.MessageId;
import org.xtaserver.message.MessageStatus;
import org.xtaserver.message.StoredMessage;
import org.xtaserver.message.XtaError;
import org.xtaserver.reservation.MessageIdReservations;
import org.xtaserver.security.Caller;
import org.xtaserver.store.MessageStore;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.Postbox;
import org.xtaserver.tenant.ServiceOffer;
import org.xtaserver.tenant.Tenant;
import org.xtaserver.tenant.TenantRegistry;

/** The ManagementPort's operations on domain types: ids, service lookup, reports, cancellation. */
public class ManagementService {

	private static final Logger log = LoggerFactory.getLogger(ManagementService.class);

	private final MessageStore store;

	private final TenantRegistry tenants;

	private final XtaServerProperties properties;

	private final Clock clock;

	private final Auditor auditor;

	private final TransactionOperations tx;

	private final MessageIdReservations reservations;

	/**
	 * @param tx groups an operation's write and its audit entry into one commit (on Galera one
	 * round of certification instead of two)
	 */
	public ManagementService(MessageStore store, TenantRegistry tenants, XtaServerProperties properties, Clock clock,
			Auditor auditor, TransactionOperations tx, MessageIdReservations reservations) {
		this.tx = tx;
		this.reservations = reservations;
		this.store = store;
		this.tenants = tenants;
		this.properties = properties;
		this.clock = clock;
		this.auditor = auditor;
	}

	/** checkAccountActive: the caller is authenticated and authorised, so the account is active. */
	public void checkAccount(Caller caller) {
		this.auditor.ok(caller, AuditAction.CHECK_ACCOUNT, null);
	}

	/** A fresh message id, reserved for the caller until it sends a message with it. */
	public MessageId createMessageId(Caller caller) {
		// The reservation is in the id itself. Its audit entry is its only record, so no id is handed
		// out without one: during a database outage createMessageId fails like every other request.
		MessageId id = this.reservations.reserve(caller.party());
		this.auditor.okOrFail(caller, AuditAction.CREATE_MESSAGE_ID, id);
		log.debug("XTA-2001 message id {} reserved for tenant {}", id, caller.tenant().value());
		return id;
	}

	/**
	 * Whether each reader offers the service on this server; readers hosted elsewhere are answered
	 * as unavailable (no DVDV lookup yet).
	 */
	public List<ServiceLookupResult> lookupServices(Caller caller, List<ServiceLookup> lookups) {
		if (lookups.isEmpty()) {
			throw XtaError.MISSING_PARAMETER.failure("LookupService");
		}
		this.auditor.ok(caller, AuditAction.LOOKUP_SERVICE, null);
		return lookups.stream().map(this::lookup).toList();
	}

	private ServiceLookupResult lookup(ServiceLookup lookup) {
		Optional<Tenant> owner = this.tenants.current().postboxOwner(lookup.reader());
		Optional<ServiceOffer> offer = owner.flatMap((tenant) -> postbox(tenant, lookup.reader()))
			.flatMap((postbox) -> postbox.services().stream().filter((s) -> s.service().equals(lookup.service())).findFirst());
		return new ServiceLookupResult(lookup, offer.isPresent(), offer.map(ServiceOffer::parameters).orElse(List.of()));
	}

	private static Optional<Postbox> postbox(Tenant tenant, PartyId reader) {
		return tenant.postboxes().stream().filter((p) -> p.identifier().equals(reader)).findFirst();
	}

	/** The transport report for the message's author or reader. */
	public TransportReport transportReport(Caller caller, MessageId id) {
		StoredMessage message = visibleTo(caller, id);
		this.auditor.ok(caller, AuditAction.TRANSPORT_REPORT, id);
		return new TransportReport(message, this.store.history(message), this.clock.instant(), this.properties.identity());
	}

	/** Cancels a message of the caller that its reader has not fetched yet. */
	public void cancel(Caller caller, MessageId id) {
		StoredMessage message = this.store.find(id).orElseThrow(() -> XtaError.UNKNOWN_MESSAGE_ID.failure(id.value()));
		if (!isAuthor(caller, message)) {
			log.warn("XTA-3003 denied: tenant {} tried to cancel message {} of another author", caller.tenant().value(), id);
			this.auditor.denied(caller, AuditAction.CANCEL, id, XtaError.NOT_YOUR_MESSAGE);
			throw XtaError.NOT_YOUR_MESSAGE.failure(id.value());
		}
		if (message.status() == MessageStatus.CANCELLED) {
			return;
		}
		Instant now = this.clock.instant();
		Boolean cancelled = this.tx.execute((status) -> {
			boolean done = this.store.cancel(message, now);
			if (done) {
				this.auditor.ok(caller, AuditAction.CANCEL, id);
			}
			return done;
		});
		if (!Boolean.TRUE.equals(cancelled)) {
			this.auditor.denied(caller, AuditAction.CANCEL, id, XtaError.CANCEL_DENIED);
			throw XtaError.CANCEL_DENIED.failure("status " + this.store.find(id).map(StoredMessage::status).orElseThrow());
		}
		log.info("XTA-2002 message {} of tenant {} cancelled", id, caller.tenant().value());
	}

	private StoredMessage visibleTo(Caller caller, MessageId id) {
		StoredMessage message = this.store.find(id).orElseThrow(() -> XtaError.UNKNOWN_MESSAGE_ID.failure(id.value()));
		if (!isAuthor(caller, message) && !isReader(caller, message)) {
			log.warn("XTA-3004 denied: tenant {} asked for the report of message {} of another party",
					caller.tenant().value(), id);
			this.auditor.denied(caller, AuditAction.TRANSPORT_REPORT, id, XtaError.NOT_YOUR_MESSAGE);
			throw XtaError.NOT_YOUR_MESSAGE.failure(id.value());
		}
		return message;
	}

	static boolean isAuthor(Caller caller, StoredMessage message) {
		return caller.tenant().equals(message.authorTenant()) && caller.party().equals(message.metadata().author());
	}

	static boolean isReader(Caller caller, StoredMessage message) {
		return caller.tenant().equals(message.readerTenant()) && caller.party().equals(message.metadata().reader());
	}
}
