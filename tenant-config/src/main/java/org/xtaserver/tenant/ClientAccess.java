package org.xtaserver.tenant;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A specialist procedure (Fachverfahren) allowed to use the server for its tenant.
 *
 * @param name the client's name within its tenant (letters, digits, '.', '_', '-'; up to 63)
 * @param certificates one matcher, or two while a certificate is being rotated
 * @param actAs the postboxes (of the same tenant) this client may send from and fetch for
 */
public record ClientAccess(String name, List<CertificateMatcher> certificates, List<PartyId> actAs) {

    // Kept short and plain because the name appears in logs and metric labels.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    public ClientAccess {
        Violations v = new Violations();
        checkName(v, name);
        certificates = certificates == null ? List.of() : certificates;
        if (certificates.isEmpty() || certificates.size() > 2) {
            v.add("certificates", "one certificate, or two while rotating, expected; found "
                    + certificates.size());
        }
        if (v.requireElements("certificates", certificates)) {
            Set<CertificateMatcher> seen = new HashSet<>();
            for (int i = 0; i < certificates.size(); i++) {
                if (!seen.add(certificates.get(i))) {
                    v.add(FieldPath.index("certificates", i), "listed twice");
                }
            }
        }
        actAs = actAs == null ? List.of() : actAs;
        if (actAs.isEmpty()) {
            v.add("actAs", "at least one postbox identifier expected");
        }
        if (v.requireElements("actAs", actAs)) {
            Set<PartyId> seen = new HashSet<>();
            for (int i = 0; i < actAs.size(); i++) {
                if (!seen.add(actAs.get(i))) {
                    v.add(FieldPath.index("actAs", i), actAs.get(i) + " is listed twice");
                }
            }
        }
        v.throwIfAny();
        certificates = List.copyOf(certificates);
        actAs = List.copyOf(actAs);
    }

    /** Checks a client name on its own, so a file loader can report it next to other problems. */
    static void checkName(Violations v, String name) {
        if (v.requireText("name", name, 63) && !NAME.matcher(name).matches()) {
            v.add("name", "letters, digits, '.', '_' and '-' only, starting with a letter or digit");
        }
    }
}
