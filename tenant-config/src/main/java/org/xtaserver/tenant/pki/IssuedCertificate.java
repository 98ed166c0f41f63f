package org.xtaserver.tenant.pki;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate together with its private key and its chain (the certificate first, then the
 * issuing CA).
 *
 * @param certificate the issued certificate
 * @param privateKey its private key
 * @param chain the certificate followed by its issuers
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> chain) {

    public IssuedCertificate {
        if (certificate == null || privateKey == null || chain == null || chain.isEmpty()
                || !chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("certificate, key and a chain starting with the certificate required");
        }
        chain = List.copyOf(chain);
    }

    public KeyPair keyPair() {
        return new KeyPair(certificate.getPublicKey(), privateKey);
    }

    public String sha256() {
        return Fingerprints.sha256(certificate);
    }

    /** Names the certificate only: a record's default toString would include the private key. */
    @Override
    public String toString() {
        return "IssuedCertificate[subject=" + certificate.getSubjectX500Principal().getName()
                + ", sha256=" + sha256() + "]";
    }
}
