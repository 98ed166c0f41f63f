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
 */
public record NewMessage(MessageMetadata metadata, MessageSource source, TenantId authorTenant,
		TenantId readerTenant, ContentKind kind, List<NewPart> parts) {
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
