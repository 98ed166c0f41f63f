package org.xtaserver.tenant;

import java.security.cert.X509Certificate;
import javax.security.auth.x500.X500Principal;
import org.xtaserver.tenant.pki.Fingerprints;

/**
 * Recognises the TLS client certificate of a specialist procedure. Either pins one certificate by
 * its SHA-256 fingerprint, or accepts any certificate with the given issuer and subject DN (which
 * survives a certificate renewal by the same CA, but relies on the TLS layer trusting only CAs
 * that never issue that subject to someone else).
 */
public sealed interface CertificateMatcher
        permits CertificateMatcher.Sha256, CertificateMatcher.IssuerAndSubject {

    /**
     * Whether the certificate is matched.
     *
     * @param certificate the client certificate
     * @param sha256 its canonical fingerprint (passed in so it is computed once per handshake)
     */
    boolean matches(X509Certificate certificate, String sha256);

    static Sha256 sha256(String fingerprint) {
        return new Sha256(fingerprint);
    }

    static IssuerAndSubject issuerAndSubject(String issuerDn, String subjectDn) {
        Violations v = new Violations();
        X500Principal issuer = parseDn(v, "issuer", issuerDn);
        X500Principal subject = parseDn(v, "subject", subjectDn);
        v.throwIfAny();
        return new IssuerAndSubject(issuer, subject);
    }

    private static X500Principal parseDn(Violations v, String field, String dn) {
        if (!v.requireText(field, dn, 4096)) {
            return null;
        }
        try {
            return new X500Principal(dn);
        } catch (IllegalArgumentException e) {
            v.add(field, "not a distinguished name (RFC 2253, e.g. \"CN=Fachverfahren,O=Musterstadt,C=DE\")");
            return null;
        }
    }

    /**
     * Pins exactly one certificate.
     *
     * @param fingerprint SHA-256 in hex; colons and case are normalised away
     */
    record Sha256(String fingerprint) implements CertificateMatcher {

        public Sha256 {
            if (fingerprint == null) {
                throw new TenantConfigException("sha256", "required");
            }
            fingerprint = Fingerprints.parse(fingerprint).orElseThrow(() -> new TenantConfigException(
                    "sha256", "not a SHA-256 fingerprint (64 hex digits, colons optional)"));
        }

        @Override
        public boolean matches(X509Certificate certificate, String sha256) {
            return fingerprint.equals(sha256);
        }

        @Override
        public String toString() {
            return "sha256 " + Fingerprints.colonSeparated(fingerprint);
        }
    }

    /**
     * Matches by issuer and subject DN; {@link X500Principal#equals} compares canonical forms, so
     * case and spacing of attribute values do not matter.
     */
    record IssuerAndSubject(X500Principal issuer, X500Principal subject) implements CertificateMatcher {

        public IssuerAndSubject {
            Violations v = new Violations();
            v.requireNonNull("issuer", issuer);
            v.requireNonNull("subject", subject);
            v.throwIfAny();
        }

        @Override
        public boolean matches(X509Certificate certificate, String sha256) {
            return issuer.equals(certificate.getIssuerX500Principal())
                    && subject.equals(certificate.getSubjectX500Principal());
        }

        @Override
        public String toString() {
            return "issuer \"" + issuer.getName() + "\" subject \"" + subject.getName() + "\"";
        }
    }
}
