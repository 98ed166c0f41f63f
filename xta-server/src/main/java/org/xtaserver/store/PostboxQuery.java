package org.xtaserver.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.xtaserver.message.MessageId;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantId;

/**
 * Which messages of one postbox to list.
 *
 * @param messageIds only these, if not empty
 * @param entryFrom only those that entered the postbox at or after this time, if set
 * @param entryTo only those that entered the postbox at or before this time, if set
 * @param newOnly {@code TRUE}: only never fetched ones; {@code FALSE}: only fetched ones; {@code null}: all
 */
public record PostboxQuery(TenantId tenant, PartyId reader, List<MessageId> messageIds, Instant entryFrom,
		Instant entryTo, Boolean newOnly) {

	public PostboxQuery {
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(reader, "reader");
		messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
	}

	public static PostboxQuery all(TenantId tenant, PartyId reader) {
		return new PostboxQuery(tenant, reader, List.of(), null, null, null);
	}
}
