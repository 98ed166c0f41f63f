package org.xtaserver.store;

import java.time.Instant;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantId;

/** How many messages wait in one postbox, and since when the oldest of them. */
public record PostboxBacklog(TenantId tenant, PartyId postbox, long waiting, Instant oldestEntry) {
}
