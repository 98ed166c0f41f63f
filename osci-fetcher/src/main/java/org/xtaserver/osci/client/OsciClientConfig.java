package org.xtaserver.osci.client;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.crypto.TransportCrypto;

/**
 * Per-tenant postbox configuration.
 *
 * @param signing the tenant's signing key and certificate (ClientSignature, SignatureCertificateOriginator)
 * @param decryption the tenant's transport decryption key and certificate (CipherCertificateOriginator)
 * @param intermediaryUri the intermediary's endpoint
 * @param intermediarySignatureCertificate verifies SupplierSignature
 * @param intermediaryCipherCertificate requests are encrypted for it
 * @param requestTimeout per HTTP exchange
 * @param algorithms transport algorithms for requests (responses are read in whatever the peer uses)
 */
public record OsciClientConfig(Credentials signing, Credentials decryption, URI intermediaryUri,
        X509Certificate intermediarySignatureCertificate, X509Certificate intermediaryCipherCertificate,
        Duration requestTimeout, TransportCrypto.Algorithms algorithms) {

    public OsciClientConfig {
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(decryption, "decryption");
        Objects.requireNonNull(intermediaryUri, "intermediaryUri");
        Objects.requireNonNull(intermediarySignatureCertificate, "intermediarySignatureCertificate");
        Objects.requireNonNull(intermediaryCipherCertificate, "intermediaryCipherCertificate");
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(60) : requestTimeout;
        algorithms = algorithms == null ? TransportCrypto.Algorithms.GOVERNIKUS : algorithms;
    }
}
