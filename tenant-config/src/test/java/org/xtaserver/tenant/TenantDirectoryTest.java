package org.xtaserver.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xtaserver.tenant.pki.IssuedCertificate;
import org.xtaserver.tenant.pki.Validity;

class TenantDirectoryTest {

    private static final PartyId MUSTERSTADT = new PartyId("xoev", "Sozialamt", "Sozialamt Musterstadt",
            "demo:musterstadt:sozialamt");
    private static final PartyId BEISPIELHAUSEN = PartyId.of("xoev", "demo:beispielhausen:sozialamt");

    private static TestPki pki;
    private static IssuedCertificate current;
    private static IssuedCertificate next;
    private static IssuedCertificate stranger;

    @BeforeAll
    static void certificates() {
        pki = new TestPki();
        current = pki.client("musterstadt-fachverfahren");
        next = pki.client("musterstadt-fachverfahren-2027");
        stranger = pki.client("stranger");
    }

    private static Tenant tenant(String id, PartyId postbox, ClientAccess... clients) {
        return new Tenant(TenantId.of(id), "Tenant " + id, null, List.of(new Postbox(postbox)), List.of(clients),
                null, null);
    }

    private static ClientAccess client(String name, PartyId actAs, CertificateMatcher... certificates) {
        return new ClientAccess(name, List.of(certificates), List.of(actAs));
    }

    @Test
    void authenticatesAClientByTheFingerprintOfItsCertificate() {
        TenantDirectory directory = TenantDirectory.of(List.of(
                tenant("musterstadt", MUSTERSTADT, client("fv", MUSTERSTADT, CertificateMatcher.sha256(current.sha256()))),
                tenant("beispielhausen", BEISPIELHAUSEN)));

        ClientIdentity identity = directory.authenticate(current.certificate()).orElseThrow();

        assertThat(identity.tenant()).isEqualTo(TenantId.of("musterstadt"));
        assertThat(identity.clientName()).isEqualTo("fv");
        assertThat(identity.certificateSha256()).isEqualTo(current.sha256());
        assertThat(identity.mayActAs()).containsExactly(MUSTERSTADT);
        assertThat(identity.canActAs(PartyId.of("xoev", "demo:musterstadt:sozialamt"))).isTrue();
        assertThat(identity.canActAs(BEISPIELHAUSEN)).isFalse();
        assertThat(directory.authenticate(stranger.certificate())).isEmpty();
    }

    @Test
    void authenticatesAClientByIssuerAndSubjectAlsoAfterRenewal() {
        String issuer = pki.ca().certificate().getSubjectX500Principal().getName();
        CertificateMatcher byName = CertificateMatcher.issuerAndSubject(issuer,
                "cn=musterstadt-fachverfahren, o=XTA Server Tests, c=DE");
        TenantDirectory directory = TenantDirectory.of(List.of(
                tenant("musterstadt", MUSTERSTADT, client("fv", MUSTERSTADT, byName))));
        IssuedCertificate renewed = pki.client("musterstadt-fachverfahren",
                Validity.starting(TestPki.CLOCK.withZone(java.time.ZoneOffset.UTC), Duration.ofDays(700)));

        assertThat(directory.authenticate(current.certificate())).map(ClientIdentity::clientName).contains("fv");
        assertThat(directory.authenticate(renewed.certificate())).map(ClientIdentity::certificateSha256)
                .contains(renewed.sha256());
        assertThat(directory.authenticate(next.certificate())).isEmpty();
    }

    @Test
    void acceptsBothCertificatesOfAClientDuringRotation() {
        TenantDirectory directory = TenantDirectory.of(List.of(tenant("musterstadt", MUSTERSTADT,
                client("fv", MUSTERSTADT, CertificateMatcher.sha256(current.sha256()),
                        CertificateMatcher.sha256(next.sha256())))));

        assertThat(directory.authenticate(current.certificate())).map(ClientIdentity::clientName).contains("fv");
        assertThat(directory.authenticate(next.certificate())).map(ClientIdentity::clientName).contains("fv");
    }

    @Test
    void deniesACertificateThatMatchesClientsOfTwoTenants() {
        String issuer = pki.ca().certificate().getSubjectX500Principal().getName();
        String subject = current.certificate().getSubjectX500Principal().getName();
        TenantDirectory directory = TenantDirectory.of(List.of(
                tenant("musterstadt", MUSTERSTADT, client("fv", MUSTERSTADT, CertificateMatcher.sha256(current.sha256()))),
                tenant("beispielhausen", BEISPIELHAUSEN,
                        client("fv", BEISPIELHAUSEN, CertificateMatcher.issuerAndSubject(issuer, subject)))));

        assertThat(directory.authenticate(current.certificate())).isEmpty();
    }

    @Test
    void findsThePostboxOwnerByTypeAndValueOnly() {
        TenantDirectory directory = TenantDirectory.of(List.of(tenant("musterstadt", MUSTERSTADT),
                tenant("beispielhausen", BEISPIELHAUSEN)));

        assertThat(directory.postboxOwner(PartyId.of("xoev", "demo:musterstadt:sozialamt")))
                .map(t -> t.id().value()).contains("musterstadt");
        assertThat(directory.postbox(new PartyId("xoev", "Other", "Other", "demo:beispielhausen:sozialamt")))
                .map(Postbox::identifier).contains(BEISPIELHAUSEN);
        assertThat(directory.postboxOwner(PartyId.of("XTA_ID", "demo:musterstadt:sozialamt"))).isEmpty();
        assertThat(directory.tenants()).extracting(t -> t.id().value()).containsExactly("beispielhausen", "musterstadt");
        assertThat(directory.tenant(TenantId.of("musterstadt"))).isPresent();
        assertThat(directory.tenant(TenantId.of("nowhere"))).isEmpty();
    }

    @Test
    void refusesTenantsThatClaimTheSamePostbox() {
        assertThatThrownBy(() -> TenantDirectory.of(List.of(tenant("a", MUSTERSTADT), tenant("b", MUSTERSTADT))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("party identifier xoev:demo:musterstadt:sozialamt of tenant b is also claimed by tenant a");
    }

    @Test
    void refusesAClientActingForAPostboxOfAnotherTenant() {
        assertThatThrownBy(() -> tenant("musterstadt", MUSTERSTADT,
                client("fv", BEISPIELHAUSEN, CertificateMatcher.sha256(current.sha256()))))
                .isInstanceOf(TenantConfigException.class)
                .hasMessage("clients[0].actAs[0]: xoev:demo:beispielhausen:sozialamt is not a postbox of this tenant");
    }
}
