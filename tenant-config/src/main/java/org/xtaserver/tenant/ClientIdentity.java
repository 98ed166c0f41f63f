package org.xtaserver.tenant;

import java.util.Set;

/**
 * Who a TLS client certificate belongs to: the result of {@link TenantDirectory#authenticate}.
 *
 * @param tenant the tenant the client belongs to
 * @param clientName the client's name within the tenant
 * @param certificateSha256 canonical fingerprint of the presented certificate (for audit logs)
 * @param mayActAs the postbox identifiers the client may act for
 */
public record ClientIdentity(TenantId tenant, String clientName, String certificateSha256, Set<PartyId> mayActAs) {

    public ClientIdentity {
        if (tenant == null || clientName == null || certificateSha256 == null) {
            throw new IllegalArgumentException("tenant, clientName and certificateSha256 are required");
        }
        mayActAs = Set.copyOf(mayActAs);
    }

    /** Whether the client may act for this party (XTA author/reader check). */
    public boolean canActAs(PartyId party) {
        return mayActAs.contains(party);
    }
}
