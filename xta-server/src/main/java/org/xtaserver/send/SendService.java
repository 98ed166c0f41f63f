package org.xtaserver.send;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xtaserver.audit.AuditAction;
import org.xtaserver.audit.Auditor;
import org.xtaserver.config.XtaServerProperties;
import org.xtaserver.metrics.MessageMetrics;
import org.xtaserver.message.MessageSource;
import org.xtaserver.message.NewMessage;
import org.xtaserver.message.NewPart;
import org.xtaserver.message.StoredMessage;
import org.xtaserver.message.XtaError;
import org.xtaserver.reservation.MessageIdReservations;
import org.xtaserver.security.Caller;
import org.xtaserver.store.DuplicateMessageException;
import org.xtaserver.store.MessageIdNotReservedException;
import org.xtaserver.store.MessageStore;
import org.xtaserver.tenant.Tenant;
import org.xtaserver.tenant.TenantId;
import org.xtaserver.tenant.TenantRegistry;

/**
 * Accepts messages from authors (sendMessage): checks them, stores them durably and puts them into
 * the reader's postbox when the reader is served here; otherwise they await transport.
 */
public class SendService {

	private static final Logger log = LoggerFactory.getLogger(SendService.class);

	private final MessageStore store;

	private final TenantRegistry tenants;

	private final XtaServerProperties properties;

	private final Clock clock;

	private final Auditor auditor;

	private final MessageMetrics metrics;

	private final MessageIdReservations reservations;

	public SendService(MessageStore store, TenantRegistry tenants, XtaServerProperties properties, Clock clock,
			Auditor auditor, MessageMetrics metrics, MessageIdReservations reservations) {
		this.metrics = metrics;
		this.reservations = reservations;
		this.store = store;
		this.tenants = tenants;
		this.properties = properties;
		this.clock = clock;
		this.auditor = auditor;
	}

	/** Returns once the message is committed. */
	public StoredMessage send(Caller caller, Submission submission) {
		if (!caller.party().equals(submission.metadata().author())) {
			throw XtaError.AUTHOR_MISMATCH.failure();
		}
		if (submission.parts().isEmpty()) {
			throw XtaError.MISSING_PARAMETER.failure("content");
		}
		TenantId readerTenant = this.tenants.current()
			.postboxOwner(submission.metadata().reader())
			.map(Tenant::id)
			.orElse(null);
		AtomicLong total = new AtomicLong();
		var parts = submission.parts()
			.stream()
			.map((p) -> new NewPart(p.role(), p.attributes(), new CheckedContentStream(p.content(), total,
					this.properties.maxMessageBytes(), p.attributes().declaredSize())))
			.toList();
		NewMessage message = new NewMessage(submission.metadata(), MessageSource.XTA, caller.tenant(), readerTenant,
				submission.kind(), parts);
		try {
			// The audit entry is written in the message's transaction: one commit for both.
			Consumer<StoredMessage> audit = (accepted) -> this.auditor.ok(caller, AuditAction.SEND, accepted.id());
			// An id createMessageId reserved carries its reservation (the store's unique id refuses a
			// second use); any other id needs a reservation row, as earlier versions wrote them.
			StoredMessage stored = this.reservations.reservedFor(submission.metadata().messageId(), caller.party())
					? this.store.acceptUnreserved(message, this.clock.instant(), audit)
					: this.store.acceptReserved(message, this.clock.instant(), audit);
			this.metrics.received(readerTenant != null ? readerTenant : caller.tenant(), MessageSource.XTA);
			log.info("XTA-2010 message {} accepted from tenant {} for {} ({}, {} bytes)", stored.id(),
					caller.tenant().value(), Optional.ofNullable(readerTenant).map(TenantId::value).orElse("transport"),
					stored.status(), stored.contentSize());
			return stored;
		}
		catch (MessageIdNotReservedException ex) {
			throw XtaError.MESSAGE_ID_NOT_RESERVED.failure(submission.metadata().messageId().value());
		}
		catch (DuplicateMessageException ex) {
			throw XtaError.DUPLICATE_MESSAGE_ID.failure(submission.metadata().messageId().value());
		}
	}

	/**
	 * sendMessageSync: no reader served here answers synchronously, so after the same checks as
	 * sendMessage the request is refused with SyncAsync; nothing is stored.
	 */
	public void refuseSync(Caller caller, Submission submission) {
		if (!caller.party().equals(submission.metadata().author())) {
			throw XtaError.AUTHOR_MISMATCH.failure();
		}
		this.auditor.denied(caller, AuditAction.SEND_SYNC, submission.metadata().messageId(), XtaError.SYNC_NOT_SUPPORTED);
		throw XtaError.SYNC_NOT_SUPPORTED.failure(submission.metadata().reader().toString());
	}
}
