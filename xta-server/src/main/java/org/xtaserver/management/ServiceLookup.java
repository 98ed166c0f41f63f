package org.xtaserver.management;

import org.xtaserver.tenant.PartyId;

/** Is {@code service} offered by {@code reader}? */
public record ServiceLookup(PartyId reader, String service) {
}
