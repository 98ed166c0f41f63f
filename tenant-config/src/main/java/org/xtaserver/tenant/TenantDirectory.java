package org.xtaserver.tenant;

import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xtaserver.tenant.pki.Fingerprints;

/**
 * An immutable snapshot of all tenants with the lookups the server needs per request. Safe to
 * share between threads; a reload builds a new snapshot instead of changing this one.
 *
 * <p>Construction refuses overlapping claims (a postbox identifier or a certificate matcher used
 * by two tenants), so every lookup has at most one answer.
 */
public final class TenantDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(TenantDirectory.class);
    private static final TenantDirectory EMPTY = new TenantDirectory(List.of());

    private record ClientRef(Tenant tenant, ClientAccess client) {
    }

    private static final int MAX_REMEMBERED_FINGERPRINTS = 10_000;

    private final Map<TenantId, Tenant> tenants;
    private final Map<PartyId, Tenant> postboxOwners;
    private final Map<String, ClientRef> byFingerprint;
    private final Map<CertificateMatcher.IssuerAndSubject, ClientRef> byIssuerAndSubject;
    /**
     * Fingerprints of the client certificates seen, so that a request costs a map lookup instead of
     * a SHA-256; only certificates that passed the TLS handshake get here, and the map is bounded.
     */
    private final Map<X509Certificate, String> fingerprints = new ConcurrentHashMap<>();

    private TenantDirectory(Collection<Tenant> all) {
        Map<TenantId, Tenant> byId = new TreeMap<>();
        Map<Object, TenantId> claimed = new HashMap<>();
        Map<PartyId, Tenant> owners = new HashMap<>();
        Map<String, ClientRef> fingerprints = new HashMap<>();
        Map<CertificateMatcher.IssuerAndSubject, ClientRef> dns = new HashMap<>();
        for (Tenant tenant : all) {
            if (byId.putIfAbsent(tenant.id(), tenant) != null) {
                throw new IllegalArgumentException("tenant " + tenant.id() + " given twice");
            }
            for (Claims.Claim claim : Claims.of(tenant)) {
                TenantId other = claimed.putIfAbsent(claim.key(), tenant.id());
                if (other != null && !other.equals(tenant.id())) {
                    throw new IllegalArgumentException(claim.description() + " of tenant " + tenant.id()
                            + " is also claimed by tenant " + other);
                }
            }
            tenant.postboxes().forEach(p -> owners.put(p.identifier(), tenant));
            for (ClientAccess client : tenant.clients()) {
                for (CertificateMatcher m : client.certificates()) {
                    ClientRef ref = new ClientRef(tenant, client);
                    if (m instanceof CertificateMatcher.Sha256 s) {
                        fingerprints.put(s.fingerprint(), ref);
                    } else if (m instanceof CertificateMatcher.IssuerAndSubject d) {
                        dns.put(d, ref);
                    }
                }
            }
        }
        this.tenants = Collections.unmodifiableMap(byId);
        this.postboxOwners = Map.copyOf(owners);
        this.byFingerprint = Map.copyOf(fingerprints);
        this.byIssuerAndSubject = Map.copyOf(dns);
    }

    public static TenantDirectory empty() {
        return EMPTY;
    }

    /**
     * A directory of these tenants.
     *
     * @throws IllegalArgumentException when two tenants share an id, a postbox identifier or a
     *     certificate matcher
     */
    public static TenantDirectory of(Collection<Tenant> tenants) {
        return tenants.isEmpty() ? EMPTY : new TenantDirectory(List.copyOf(tenants));
    }

    /** All tenants, ordered by id. */
    public List<Tenant> tenants() {
        return List.copyOf(tenants.values());
    }

    public Optional<Tenant> tenant(TenantId id) {
        return Optional.ofNullable(tenants.get(id));
    }

    /** The tenant owning the postbox with this identifier (compared on type and value). */
    public Optional<Tenant> postboxOwner(PartyId identifier) {
        return Optional.ofNullable(postboxOwners.get(identifier));
    }

    /** The postbox with this identifier, in whichever tenant owns it. */
    public Optional<Postbox> postbox(PartyId identifier) {
        return postboxOwner(identifier).flatMap(t -> t.postbox(identifier));
    }

    /**
     * Maps a TLS client certificate to the client it belongs to. Only the mapping is done here:
     * the TLS layer must already have checked the chain and the validity period.
     *
     * @return empty when no client matches, or when the certificate matches more than one client
     *     (possible when one client pins the fingerprint and another the issuer and subject; the
     *     ambiguity is logged and access denied rather than guessed)
     */
    public Optional<ClientIdentity> authenticate(X509Certificate certificate) {
        if (certificate == null) {
            return Optional.empty();
        }
        if (this.fingerprints.size() > MAX_REMEMBERED_FINGERPRINTS) {
            this.fingerprints.clear();
        }
        String sha256 = this.fingerprints.computeIfAbsent(certificate, Fingerprints::sha256);
        ClientRef pinned = byFingerprint.get(sha256);
        ClientRef named = byIssuerAndSubject.get(new CertificateMatcher.IssuerAndSubject(
                certificate.getIssuerX500Principal(), certificate.getSubjectX500Principal()));
        if (pinned == null && named == null) {
            LOG.debug("Client certificate sha256={} matches no client", sha256);
            return Optional.empty();
        }
        // Compared by identity first: a record's equals would hash and compare the whole tenant.
        if (pinned != null && named != null && pinned != named && !pinned.equals(named)) {
            List<String> names = List.of(pinned.tenant().id() + "/" + pinned.client().name(),
                    named.tenant().id() + "/" + named.client().name());
            LOG.warn("Client certificate sha256={} matches several clients {}; access denied, fix the tenant files",
                    sha256, names);
            return Optional.empty();
        }
        ClientRef ref = (pinned != null) ? pinned : named;
        return Optional.of(new ClientIdentity(ref.tenant().id(), ref.client().name(), sha256,
                Set.copyOf(ref.client().actAs())));
    }

    public int size() {
        return tenants.size();
    }

    @Override
    public String toString() {
        return "TenantDirectory" + tenants.keySet();
    }
}
