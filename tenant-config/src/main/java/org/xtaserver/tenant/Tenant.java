package org.xtaserver.tenant;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One municipality served by the server: its postboxes, the specialist procedures allowed to use
 * them, and its retention and OSCI settings. Invariants checked here (so they hold however a
 * tenant is built): at least one postbox, postbox identifiers and client names unique, every
 * {@code actAs} names a postbox of this tenant, no certificate matcher used by two clients.
 *
 * @param id the tenant id
 * @param displayName human-readable name, e.g. "Stadt Musterstadt"
 * @param municipalityKey optional official key (AGS, 8 digits, or ARS, 12 digits); null if unset
 * @param postboxes the tenant's postboxes, at least one
 * @param clients the specialist procedures (may be empty while a tenant is being set up)
 * @param retention retention settings, {@link Retention#DEFAULT} when null is given
 * @param osci OSCI fetch settings; null when the tenant is not fetched from an intermediary
 */
public record Tenant(TenantId id, String displayName, String municipalityKey, List<Postbox> postboxes,
        List<ClientAccess> clients, Retention retention, OsciSettings osci) {

    private static final Pattern MUNICIPALITY_KEY = Pattern.compile("[0-9]{2,12}");

    public Tenant {
        Violations v = new Violations();
        v.requireNonNull("id", id);
        checkDisplayName(v, displayName);
        checkMunicipalityKey(v, municipalityKey);
        postboxes = postboxes == null ? List.of() : postboxes;
        clients = clients == null ? List.of() : clients;
        retention = retention == null ? Retention.DEFAULT : retention;
        if (postboxes.isEmpty()) {
            v.add("postboxes", "at least one postbox expected");
        }
        boolean elementsPresent = v.requireElements("postboxes", postboxes) & v.requireElements("clients", clients);
        if (elementsPresent) {
            checkReferences(v, postboxes, clients);
        }
        v.throwIfAny();
        postboxes = List.copyOf(postboxes);
        clients = List.copyOf(clients);
    }

    /** The postbox with this identifier, if this tenant owns it. */
    public Optional<Postbox> postbox(PartyId identifier) {
        return postboxes.stream().filter(p -> p.identifier().equals(identifier)).findFirst();
    }

    /** The client with this name. */
    public Optional<ClientAccess> client(String name) {
        return clients.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    static void checkDisplayName(Violations v, String displayName) {
        v.requireText("displayName", displayName, 256);
    }

    static void checkMunicipalityKey(Violations v, String key) {
        if (key != null && !MUNICIPALITY_KEY.matcher(key).matches()) {
            // A YAML number loses leading zeros ("09999001" -> 9999001); say so, it is the usual cause.
            v.add("municipalityKey", "2 to 12 digits expected (AGS: 8, ARS: 12); quote it in YAML "
                    + "so leading zeros are kept");
        }
    }

    private static void checkReferences(Violations v, List<Postbox> postboxes, List<ClientAccess> clients) {
        Set<PartyId> identifiers = new HashSet<>();
        for (int i = 0; i < postboxes.size(); i++) {
            PartyId id = postboxes.get(i).identifier();
            if (!identifiers.add(id)) {
                v.add(FieldPath.index("postboxes", i) + ".identifier", id + " is defined twice");
            }
        }
        Set<String> names = new HashSet<>();
        Map<CertificateMatcher, String> matcherOwners = new HashMap<>();
        for (int i = 0; i < clients.size(); i++) {
            ClientAccess client = clients.get(i);
            String at = FieldPath.index("clients", i);
            if (!names.add(client.name())) {
                v.add(at + ".name", "client '" + client.name() + "' is defined twice");
            }
            for (int j = 0; j < client.certificates().size(); j++) {
                CertificateMatcher m = client.certificates().get(j);
                String other = matcherOwners.putIfAbsent(m, client.name());
                if (other != null && !other.equals(client.name())) {
                    v.add(FieldPath.index(at + ".certificates", j), "also used by client '" + other
                            + "'; a certificate must identify exactly one client");
                }
            }
            for (int j = 0; j < client.actAs().size(); j++) {
                PartyId party = client.actAs().get(j);
                if (!identifiers.contains(party)) {
                    v.add(FieldPath.index(at + ".actAs", j), party + " is not a postbox of this tenant");
                }
            }
        }
    }
}
