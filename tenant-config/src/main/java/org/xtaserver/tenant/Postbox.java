package org.xtaserver.tenant;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A postbox of a tenant, addressed by its party identifier.
 *
 * @param identifier the party identifier senders address and readers fetch as
 * @param services the services offered for {@code lookupService} (may be empty)
 */
public record Postbox(PartyId identifier, List<ServiceOffer> services) {

    public Postbox {
        Violations v = new Violations();
        v.requireNonNull("identifier", identifier);
        services = services == null ? List.of() : services;
        if (v.requireElements("services", services)) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < services.size(); i++) {
                if (!seen.add(services.get(i).service())) {
                    v.add(FieldPath.index("services", i) + ".service", "service '"
                            + services.get(i).service() + "' is listed twice");
                }
            }
        }
        v.throwIfAny();
        services = List.copyOf(services);
    }

    public Postbox(PartyId identifier) {
        this(identifier, List.of());
    }
}
