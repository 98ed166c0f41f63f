package org.xtaserver.msgbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;
import org.xtaserver.audit.AuditAction;
import org.xtaserver.audit.Auditor;
import org.xtaserver.config.XtaServerProperties;
import org.xtaserver.metrics.MessageMetrics;
import org.xtaserver.message.MessageId;
import org.xtaserver.message.StoredMessage;
import org.xtaserver.message.XtaError;
import org.xtaserver.message.XtaFailure;
import org.xtaserver.security.Caller;
import org.xtaserver.store.MessageStore;
import org.xtaserver.store.MessageWithSmallContent;
import org.xtaserver.store.MsgBoxRequest;
import org.xtaserver.store.MsgBoxRequestStore;
import org.xtaserver.store.PostboxPage;
import org.xtaserver.store.PostboxQuery;
import org.xtaserver.tenant.Tenant;
import org.xtaserver.tenant.TenantRegistry;

/**
 * The MsgBoxPort's operations on domain types. A message stays offered until its reader closes it:
 * fetching alone does not count as delivery.
 */
public class MsgBoxService {

	private static final Logger log = LoggerFactory.getLogger(MsgBoxService.class);

	static final String REQUEST_ID_PREFIX = "urn:de:xta:msgbox:request:";

	private final MessageStore store;

	private final MsgBoxRequestStore requests;

	private final TenantRegistry tenants;

	private final XtaServerProperties properties;

	private final Clock clock;

	private final Auditor auditor;

	private final MessageMetrics metrics;

	private final TransactionOperations tx;

	/**
	 * @param tx groups the writes of one operation (request, status change, audit entry) into one
	 * commit (on Galera one round of certification); the store's own transactions join it
	 */
	public MsgBoxService(MessageStore store, MsgBoxRequestStore requests, TenantRegistry tenants,
			XtaServerProperties properties, Clock clock, Auditor auditor, MessageMetrics metrics,
			TransactionOperations tx) {
		this.tx = tx;
		this.metrics = metrics;
		this.store = store;
		this.requests = requests;
		this.tenants = tenants;
		this.properties = properties;
		this.clock = clock;
		this.auditor = auditor;
	}

	/** getStatusList: the first page of the caller's postbox under a new request id. */
	public StatusPage statusList(Caller caller, Selection selection, int maxListItems, String listForm) {
		PostboxQuery query = queryFor(caller, selection, AuditAction.LIST);
		int limit = limit(maxListItems);
		PostboxPage page = this.store.listWithoutParts(query, 0, limit);
		if (page.remaining() == 0) {
			// Answered in full: nothing to continue, so nothing to store (CompleteRequestId). The
			// audit entry is then the listing's only record: no answer without it.
			String requestId = CompleteRequestId.issue(caller, expiry()).value();
			this.auditor.okOrFail(caller, AuditAction.LIST, null);
			return new StatusPage(requestId, page.messages(), 0, RequestState.VALID);
		}
		MsgBoxRequest request = new MsgBoxRequest(newRequestId(), MsgBoxRequest.Kind.LIST, query, limit, listForm,
				page.lastKey(0), expiry());
		this.tx.executeWithoutResult((status) -> {
			this.requests.save(request, this.clock.instant());
			this.auditor.ok(caller, AuditAction.LIST, null);
		});
		return new StatusPage(request.requestId(), page.messages(), page.remaining(), RequestState.VALID);
	}

	/** getNextStatusList: continues a listing. */
	public StatusPage nextStatusList(Caller caller, String requestId) {
		requireRequestId(caller, requestId, AuditAction.LIST);
		if (ownCompleteRequest(caller, requestId, AuditAction.LIST)) {
			this.auditor.okOrFail(caller, AuditAction.LIST, null);
			return new StatusPage(requestId, List.of(), 0, RequestState.VALID);
		}
		Optional<MsgBoxRequest> found = ownRequest(caller, requestId, AuditAction.LIST);
		if (found.isEmpty()) {
			return new StatusPage(requestId, List.of(), 0, RequestState.INVALID);
		}
		MsgBoxRequest request = found.get();
		PostboxPage page = this.store.listWithoutParts(request.query(), request.lastKey(), request.maxItems());
		this.tx.executeWithoutResult((status) -> {
			this.requests.advance(requestId, page.lastKey(request.lastKey()));
			this.auditor.ok(caller, AuditAction.LIST, null);
		});
		return new StatusPage(requestId, page.messages(), page.remaining(), RequestState.VALID);
	}

	/** getMessage: the first offered message matching the selection; unknown ids are faults. */
	public FetchResult fetch(Caller caller, Selection selection) {
		PostboxQuery query = queryFor(caller, selection, AuditAction.FETCH);
		if (selection.messageIds().size() == 1 && selection.idsOnly()) {
			// One id and nothing else selected (the usual getMessage): that message is the whole listing,
			// read with its small content, which is sent right after.
			MessageId id = selection.messageIds().get(0);
			MessageWithSmallContent found = this.store.findWithSmallContent(id)
				.orElseThrow(() -> XtaError.UNKNOWN_MESSAGE_ID.failure(id.value()));
			requireOffered(requireOwn(caller, found.message(), AuditAction.FETCH));
			return fetched(caller, CompleteRequestId.issue(caller, expiry()).value(),
					new PostboxPage(List.of(found.message()), 0), found.contents(), () -> {
					});
		}
		for (MessageId id : selection.messageIds()) {
			requireOffered(ownMessage(caller, id, AuditAction.FETCH));
		}
		PostboxPage page = this.store.list(query, 0, 1);
		if (page.remaining() == 0) {
			return fetched(caller, CompleteRequestId.issue(caller, expiry()).value(), page, () -> {
			});
		}
		MsgBoxRequest request = new MsgBoxRequest(newRequestId(), MsgBoxRequest.Kind.FETCH, query, 1, null,
				page.lastKey(0), expiry());
		return fetched(caller, request.requestId(), page, () -> this.requests.save(request, this.clock.instant()));
	}

	/** getNextMessage: acknowledges (closes) the messages received before, then fetches the next one. */
	public FetchResult fetchNext(Caller caller, String requestId, List<MessageId> lastReceived) {
		requireRequestId(caller, requestId, AuditAction.FETCH);
		if (ownCompleteRequest(caller, requestId, AuditAction.FETCH)) {
			if (!lastReceived.isEmpty()) {
				close(caller, lastReceived);
			}
			return new FetchResult(requestId, Optional.empty(), 0);
		}
		MsgBoxRequest request = ownRequest(caller, requestId, AuditAction.FETCH)
			.orElseThrow(() -> XtaError.INVALID_PARAMETER.failure("unknown or expired MsgBoxRequestID"));
		if (!lastReceived.isEmpty()) {
			close(caller, lastReceived);
		}
		PostboxPage page = this.store.list(request.query(), request.lastKey(), 1);
		return fetched(caller, requestId, page, () -> this.requests.advance(requestId, page.lastKey(request.lastKey())));
	}

	/** close: each message must be in the caller's postbox and fetched; closing twice is harmless. */
	public void close(Caller caller, List<MessageId> ids) {
		if (ids.isEmpty()) {
			throw XtaError.MISSING_PARAMETER.failure("LastMsgReceived");
		}
		requirePostbox(caller, AuditAction.CLOSE);
		Instant now = this.clock.instant();
		for (MessageId id : ids) {
			// The usual case, the caller's own fetched message, needs no lookup; any other is looked up
			// to answer (and audit) it as before.
			Boolean closed = this.tx.execute((status) -> {
				boolean done = this.store.closeFetched(id, caller.tenant(), caller.party(), now);
				if (done) {
					this.auditor.ok(caller, AuditAction.CLOSE, id);
				}
				return done;
			});
			if (Boolean.TRUE.equals(closed)) {
				closed(caller, id);
				continue;
			}
			StoredMessage message = ownMessage(caller, id, AuditAction.CLOSE);
			switch (message.status()) {
				case FETCHED -> {
					this.tx.executeWithoutResult((status) -> {
						this.store.close(message, now);
						this.auditor.ok(caller, AuditAction.CLOSE, id);
					});
					closed(caller, id);
				}
				case CLOSED -> log.debug("XTA-2021 message {} closed again by tenant {}", id, caller.tenant().value());
				case IN_POSTBOX -> throw XtaError.MESSAGE_NOT_FETCHED.failure(id.value());
				default -> throw XtaError.MESSAGE_NOT_AVAILABLE.failure(id.value());
			}
		}
	}

	private void closed(Caller caller, MessageId id) {
		this.metrics.closed(caller.tenant());
		log.info("XTA-2020 message {} closed by tenant {}", id, caller.tenant().value());
	}

	private FetchResult fetched(Caller caller, String requestId, PostboxPage page, Runnable requestUpdate) {
		return fetched(caller, requestId, page, Map.of(), requestUpdate);
	}

	/**
	 * {@code contents}: content of the page's message read with it ({@link MessageWithSmallContent});
	 * {@code requestUpdate}: the write to the MsgBoxRequest, committed together with the fetch.
	 */
	private FetchResult fetched(Caller caller, String requestId, PostboxPage page, Map<Long, byte[]> contents,
			Runnable requestUpdate) {
		if (page.messages().isEmpty()) {
			requestUpdate.run();
			return new FetchResult(requestId, Optional.empty(), 0);
		}
		StoredMessage message = this.tx.execute((status) -> {
			requestUpdate.run();
			StoredMessage fetched = this.store.markFetched(page.messages().get(0), this.clock.instant());
			this.auditor.ok(caller, AuditAction.FETCH, fetched.id());
			return fetched;
		});
		log.info("XTA-2022 message {} fetched by tenant {}", message.id(), caller.tenant().value());
		// Content never changes once stored: what was read with the message is still its content.
		return new FetchResult(requestId, Optional.of(message), page.remaining(), contents);
	}

	private static void requireOffered(StoredMessage message) {
		if (!message.status().offeredToReader()) {
			throw XtaError.MESSAGE_NOT_AVAILABLE.failure(message.id().value() + " is " + message.status());
		}
	}

	/** {@code attempted}: the operation the caller tried, for the audit entry of a refusal. */
	private StoredMessage ownMessage(Caller caller, MessageId id, AuditAction attempted) {
		return requireOwn(caller, this.store.find(id).orElseThrow(() -> XtaError.UNKNOWN_MESSAGE_ID.failure(id.value())),
				attempted);
	}

	/** {@code message} if it is in the caller's postbox; a refusal otherwise, audited as {@code attempted}. */
	private StoredMessage requireOwn(Caller caller, StoredMessage message, AuditAction attempted) {
		if (!caller.tenant().equals(message.readerTenant()) || !caller.party().equals(message.metadata().reader())) {
			log.warn("XTA-3005 denied: tenant {} addressed message {} of another postbox", caller.tenant().value(),
					message.id());
			this.auditor.denied(caller, attempted, message.id(), XtaError.NOT_YOUR_MESSAGE);
			throw XtaError.NOT_YOUR_MESSAGE.failure(message.id().value());
		}
		return message;
	}

	private void requireRequestId(Caller caller, String requestId, AuditAction attempted) {
		requirePostbox(caller, attempted);
		if (requestId == null || requestId.isBlank()) {
			throw XtaError.MISSING_PARAMETER.failure("MsgBoxRequestID");
		}
	}

	/**
	 * Whether {@code requestId} is an unexpired {@link CompleteRequestId} of the caller's postbox; an
	 * expired one is answered as an unknown stored id would be.
	 */
	private boolean ownCompleteRequest(Caller caller, String requestId, AuditAction attempted) {
		Optional<CompleteRequestId> complete = CompleteRequestId.parse(requestId)
			.filter((id) -> !id.expiredAt(this.clock.instant()));
		if (complete.isPresent() && !complete.get().belongsTo(caller)) {
			throw foreignRequest(caller, attempted);
		}
		return complete.isPresent();
	}

	/** The stored request {@code requestId} (checked by {@link #requireRequestId}) if it is the caller's. */
	private Optional<MsgBoxRequest> ownRequest(Caller caller, String requestId, AuditAction attempted) {
		Optional<MsgBoxRequest> request = this.requests.find(requestId, this.clock.instant());
		if (request.isPresent() && !(request.get().query().tenant().equals(caller.tenant())
				&& request.get().query().reader().equals(caller.party()))) {
			throw foreignRequest(caller, attempted);
		}
		return request;
	}

	private XtaFailure foreignRequest(Caller caller, AuditAction attempted) {
		log.warn("XTA-3006 denied: tenant {} used the MsgBoxRequestID of another postbox", caller.tenant().value());
		this.auditor.denied(caller, attempted, null, XtaError.NOT_YOUR_POSTBOX);
		return XtaError.NOT_YOUR_POSTBOX.failure();
	}

	private PostboxQuery queryFor(Caller caller, Selection selection, AuditAction attempted) {
		requirePostbox(caller, attempted);
		return new PostboxQuery(caller.tenant(), caller.party(), selection.messageIds(), selection.entryFrom(),
				selection.entryTo(), selection.newOnly());
	}

	private void requirePostbox(Caller caller, AuditAction attempted) {
		boolean own = this.tenants.current()
			.postboxOwner(caller.party())
			.map(Tenant::id)
			.filter(caller.tenant()::equals)
			.isPresent();
		if (!own) {
			log.warn("XTA-3007 denied: tenant {} has no postbox {}", caller.tenant().value(), caller.party());
			this.auditor.denied(caller, attempted, null, XtaError.NOT_YOUR_POSTBOX);
			throw XtaError.NOT_YOUR_POSTBOX.failure(caller.party().toString());
		}
	}

	private int limit(int requested) {
		int max = this.properties.maxListItems();
		return (requested <= 0) ? max : Math.min(requested, max);
	}

	private Instant expiry() {
		return this.clock.instant().plus(this.properties.msgBoxRequestTtl());
	}

	private static String newRequestId() {
		return REQUEST_ID_PREFIX + UUID.randomUUID();
	}

	/** Whether the request id was known. */
	public enum RequestState {
		VALID, INVALID
	}

	/** A page of a postbox listing. */
	public record StatusPage(String requestId, List<StoredMessage> messages, long remaining, RequestState state) {
	}

	/**
	 * A fetched message, if any, and how many more are pending.
	 * @param contents content of the message read with it, by content id (as in
	 * {@link MessageWithSmallContent}); other parts are read from the store
	 */
	public record FetchResult(String requestId, Optional<StoredMessage> message, long remaining,
			Map<Long, byte[]> contents) {

		public FetchResult {
			contents = Map.copyOf(contents);
		}

		public FetchResult(String requestId, Optional<StoredMessage> message, long remaining) {
			this(requestId, message, remaining, Map.of());
		}
	}

	/** The MsgSelector of a request. */
	public record Selection(List<MessageId> messageIds, Instant entryFrom, Instant entryTo, Boolean newOnly) {
		public Selection {
			messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
		}

		/** Whether only message ids are selected (no entry times, no new-only). */
		public boolean idsOnly() {
			return this.entryFrom == null && this.entryTo == null && this.newOnly == null;
		}

		public static Selection any() {
			return new Selection(List.of(), null, null, null);
		}
	}
}
