package org.xtaserver.tenant.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertPathValidator;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xtaserver.tenant.TestPki;

class CertificateAuthorityTest {

    private static final Clock CLOCK = TestPki.CLOCK;
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private static CertificateAuthority ca;
    private static IssuedCertificate server;
    private static IssuedCertificate client;

    @BeforeAll
    static void issue() {
        ca = CertificateAuthority.createRoot("CN=Demo CA,O=XTA Server,C=DE", Validity.starting(CLOCK, Duration.ofDays(3650)));
        server = ca.issueServerCertificate("CN=localhost,O=XTA Server,C=DE", Validity.starting(CLOCK, Duration.ofDays(365)));
        client = ca.issueClientCertificate("CN=musterstadt-fachverfahren,O=Musterstadt,C=DE",
                Validity.starting(CLOCK, Duration.ofDays(365)));
    }

    @Test
    void createsASelfSignedRsa3072CertificateAuthority() throws Exception {
        X509Certificate cert = ca.certificate();

        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=Demo CA,O=XTA Server,C=DE");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
        assertThat(cert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(cert.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(cert.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        cert.verify(cert.getPublicKey());
        assertThat(Keys.matches(ca.privateKey(), cert)).isTrue();
    }

    @Test
    void issuesAServerCertificateForLocalhost() throws Exception {
        X509Certificate cert = server.certificate();

        assertThat(cert.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(7, "0:0:0:0:0:0:0:1"));
        assertThat(((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(server.chain()).containsExactly(cert, ca.certificate());
        assertThat(Keys.matches(server.privateKey(), cert)).isTrue();
    }

    @Test
    void issuesClientCertificatesForClientAuthentication() throws Exception {
        X509Certificate cert = client.certificate();

        assertThat(cert.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=musterstadt-fachverfahren,O=Musterstadt,C=DE");
        assertThat(cert.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThat(Keys.matches(client.privateKey(), cert)).isTrue();
        assertThat(Keys.matches(server.privateKey(), cert)).isFalse();
    }

    @Test
    void issuedCertificatesChainToTheAuthority() throws Exception {
        for (IssuedCertificate issued : List.of(server, client)) {
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.certificate(), null)));
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(CLOCK.instant()));
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(issued.certificate())), parameters);
        }
    }

    @Test
    void takesTheValidityPeriodFromTheClockSoExpiredCertificatesCanBeMade() {
        Instant now = CLOCK.instant();
        IssuedCertificate lastYear = ca.issueClientCertificate("CN=old,C=DE",
                Validity.starting(Clock.offset(CLOCK, Duration.ofDays(-400)), Duration.ofDays(30)));
        IssuedCertificate tomorrow = ca.issueClientCertificate("CN=future,C=DE", client.keyPair(),
                Validity.between(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2))));

        assertThat(client.certificate().getNotBefore().toInstant()).isEqualTo(now.minus(Validity.BACKDATE));
        assertThat(client.certificate().getNotAfter().toInstant()).isEqualTo(now.plus(Duration.ofDays(365)));
        assertThatThrownBy(() -> lastYear.certificate().checkValidity(Date.from(now)))
                .isInstanceOf(CertificateExpiredException.class);
        assertThatThrownBy(() -> tomorrow.certificate().checkValidity(Date.from(now)))
                .isInstanceOf(CertificateNotYetValidException.class);
    }

    @Test
    void aCertificateAuthorityCanBeReadBackFromItsFiles() {
        CertificateAuthority again = new CertificateAuthority(ca.certificate(), ca.privateKey());
        IssuedCertificate issued = again.issueClientCertificate("CN=again,C=DE", client.keyPair(),
                Validity.starting(CLOCK, Duration.ofDays(1)));

        assertThat(issued.certificate().getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThatThrownBy(() -> new CertificateAuthority(client.certificate(), client.privateKey()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a CA certificate");
        assertThatThrownBy(() -> new CertificateAuthority(ca.certificate(), client.privateKey()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("private key does not belong");
    }

    @Test
    void neverPrintsThePrivateKey() {
        assertThat(client.toString()).contains("musterstadt-fachverfahren").doesNotContain("private");
    }

    @Test
    void refusesAValidityThatEndsBeforeItStarts() {
        Instant now = CLOCK.instant();
        assertThatThrownBy(() -> Validity.between(now, now)).isInstanceOf(IllegalArgumentException.class);
    }
}
