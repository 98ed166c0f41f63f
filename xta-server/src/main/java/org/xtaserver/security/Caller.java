package org.xtaserver.security;

import java.util.Objects;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantId;

/**
 * An authenticated and authorised caller: the client certificate belongs to {@code clientName} of
 * {@code tenant}, which may act as {@code party}.
 */
public record Caller(TenantId tenant, PartyId party, String clientName, String certificateSha256) {
	public Caller {
		Objects.requireNonNull(tenant, "tenant");
		Objects.requireNonNull(party, "party");
	}
}
