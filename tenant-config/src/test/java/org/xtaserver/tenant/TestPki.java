package org.xtaserver.tenant;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.xtaserver.tenant.pki.CertificateAuthority;
import org.xtaserver.tenant.pki.IssuedCertificate;
import org.xtaserver.tenant.pki.Keys;
import org.xtaserver.tenant.pki.Validity;

/** Certificates for tests; 2048-bit keys keep the suite fast (production code uses 3072). */
public final class TestPki {

    public static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final SecureRandom random = new SecureRandom();
    private final CertificateAuthority ca;

    public TestPki() {
        this("CN=Test CA,O=XTA Server Tests,C=DE");
    }

    public TestPki(String caDn) {
        ca = CertificateAuthority.createRoot(caDn, Validity.starting(CLOCK, Duration.ofDays(3650)), keyPair());
    }

    public CertificateAuthority ca() {
        return ca;
    }

    public KeyPair keyPair() {
        return Keys.generateRsa(2048, random);
    }

    public IssuedCertificate client(String commonName) {
        return client(commonName, Validity.starting(CLOCK, Duration.ofDays(365)));
    }

    public IssuedCertificate client(String commonName, Validity validity) {
        return ca.issueClientCertificate("CN=" + commonName + ",O=XTA Server Tests,C=DE", keyPair(), validity);
    }
}
