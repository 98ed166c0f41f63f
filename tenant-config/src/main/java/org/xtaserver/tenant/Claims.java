package org.xtaserver.tenant;

import java.util.ArrayList;
import java.util.List;

/**
 * What a tenant claims exclusively across all tenants: its postbox identifiers and its client
 * certificate matchers. Shared by {@link TenantDirectory} (which refuses overlaps) and the
 * loader (which reports and resolves them).
 */
final class Claims {

    /**
     * @param key a {@link PartyId} or a {@link CertificateMatcher}; equal keys conflict
     * @param field where the claim sits in the tenant file
     * @param description how to name the claim in a problem report
     */
    record Claim(Object key, String field, String description) {
    }

    private Claims() {
    }

    static List<Claim> of(Tenant tenant) {
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < tenant.postboxes().size(); i++) {
            PartyId id = tenant.postboxes().get(i).identifier();
            claims.add(new Claim(id, FieldPath.index("postboxes", i) + ".identifier", "party identifier " + id));
        }
        for (int i = 0; i < tenant.clients().size(); i++) {
            ClientAccess client = tenant.clients().get(i);
            for (int j = 0; j < client.certificates().size(); j++) {
                CertificateMatcher m = client.certificates().get(j);
                claims.add(new Claim(m, FieldPath.index(FieldPath.index("clients", i) + ".certificates", j),
                        "client certificate (" + m + ")"));
            }
        }
        return claims;
    }
}
