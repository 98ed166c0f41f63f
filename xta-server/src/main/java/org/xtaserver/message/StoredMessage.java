package org.xtaserver.message;

import java.time.Instant;
import java.util.List;
import org.xtaserver.tenant.TenantId;

/** A message as the store holds it. Times are {@code null} until the step happened. */
public record StoredMessage(long key, MessageMetadata metadata, MessageSource source, TenantId authorTenant,
		TenantId readerTenant, ContentKind kind, long contentSize, List<StoredPart> parts, MessageStatus status,
		Instant acceptedAt, Instant deliveredAt, Instant initialFetchAt, Instant receptionAt, Instant cancelledAt) {

	public StoredMessage {
		parts = List.copyOf(parts);
	}

	public MessageId id() {
		return this.metadata.messageId();
	}
}
