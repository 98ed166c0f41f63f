package org.xtaserver.message;

import java.util.Objects;
import org.xtaserver.tenant.PartyId;

/**
 * What the core needs to know of a message's metadata: who wrote it, who reads it, for which
 * service; the full document travels along unchanged.
 */
public record MessageMetadata(MessageId messageId, PartyId author, PartyId reader, String service,
		String messageType, MetadataDocument document) {
	public MessageMetadata {
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(author, "author");
		Objects.requireNonNull(reader, "reader");
		Objects.requireNonNull(document, "document");
	}
}
