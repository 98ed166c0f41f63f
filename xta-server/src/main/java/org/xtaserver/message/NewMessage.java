package org.xtaserver.message;

import java.util.List;
import java.util.Objects;
import org.xtaserver.tenant.TenantId;

/**
 * A message about to be accepted.
 *
 * @param authorTenant the tenant of the author when the author is a client of this server
 * @param readerTenant the tenant owning the reader's postbox when it is on this server, else
 * {@code null} (the message then awaits transport)
 * @param sourceKey the id the message has in the transport it came from (OSCI message id), unique
 * per reader tenant and source; {@code null} for messages sent here
 * @param originNote what the transport tells of the message's history (process card times), for
 * the transport report; no payload or personal data
 */
public record NewMessage(MessageMetadata metadata, MessageSource source, TenantId authorTenant,
		TenantId readerTenant, ContentKind kind, List<NewPart> parts, String sourceKey, String originNote) {

	public NewMessage(MessageMetadata metadata, MessageSource source, TenantId authorTenant, TenantId readerTenant,
			ContentKind kind, List<NewPart> parts) {
		this(metadata, source, authorTenant, readerTenant, kind, parts, null, null);
	}

	public NewMessage {
		Objects.requireNonNull(metadata, "metadata");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(kind, "kind");
		parts = List.copyOf(parts);
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("a message has at least one content part");
		}
	}
}
