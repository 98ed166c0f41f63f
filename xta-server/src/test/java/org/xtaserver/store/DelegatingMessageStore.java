package org.xtaserver.store;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.xtaserver.message.MessageId;
import org.xtaserver.message.MessageSource;
import org.xtaserver.message.NewMessage;
import org.xtaserver.message.StoredMessage;
import org.xtaserver.message.TransportEvent;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantId;

/** Passes everything to a real store; tests override single methods to inject faults. */
public class DelegatingMessageStore implements MessageStore {

	private final MessageStore delegate;

	public DelegatingMessageStore(MessageStore delegate) {
		this.delegate = delegate;
	}

	@Override
	public void reserve(MessageId id, TenantId tenant, PartyId author, Instant at) {
		this.delegate.reserve(id, tenant, author, at);
	}

	@Override
	public StoredMessage acceptReserved(NewMessage message, Instant at,
			java.util.function.Consumer<StoredMessage> sameTransaction) {
		return this.delegate.acceptReserved(message, at, sameTransaction);
	}

	@Override
	public StoredMessage acceptUnreserved(NewMessage message, Instant at,
			java.util.function.Consumer<StoredMessage> sameTransaction) {
		return this.delegate.acceptUnreserved(message, at, sameTransaction);
	}

	@Override
	public Optional<StoredMessage> find(MessageId id) {
		return this.delegate.find(id);
	}

	@Override
	public Optional<MessageWithSmallContent> findWithSmallContent(MessageId id) {
		return this.delegate.findWithSmallContent(id);
	}

	@Override
	public Optional<StoredMessage> findBySource(TenantId readerTenant, MessageSource source, String sourceKey) {
		return this.delegate.findBySource(readerTenant, source, sourceKey);
	}

	@Override
	public List<TransportEvent> history(StoredMessage message) {
		return this.delegate.history(message);
	}

	@Override
	public PostboxPage list(PostboxQuery query, long afterKey, int limit) {
		return this.delegate.list(query, afterKey, limit);
	}

	@Override
	public PostboxPage listWithoutParts(PostboxQuery query, long afterKey, int limit) {
		return this.delegate.listWithoutParts(query, afterKey, limit);
	}

	@Override
	public InputStream openContent(long contentId) {
		return this.delegate.openContent(contentId);
	}

	@Override
	public StoredMessage markFetched(StoredMessage message, Instant at) {
		return this.delegate.markFetched(message, at);
	}

	@Override
	public StoredMessage close(StoredMessage message, Instant at) {
		return this.delegate.close(message, at);
	}

	@Override
	public boolean closeFetched(MessageId id, TenantId readerTenant, PartyId reader, Instant at) {
		return this.delegate.closeFetched(id, readerTenant, reader, at);
	}

	@Override
	public boolean cancel(StoredMessage message, Instant at) {
		return this.delegate.cancel(message, at);
	}

	@Override
	public int purgeFinished(TenantId readerTenant, Instant before, int limit) {
		return this.delegate.purgeFinished(readerTenant, before, limit);
	}

	@Override
	public List<PostboxBacklog> backlog() {
		return this.delegate.backlog();
	}
}
