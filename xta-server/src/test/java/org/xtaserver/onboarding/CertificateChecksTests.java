package org.xtaserver.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtaserver.tenancy.CertificateInventory.Entry;
import org.xtaserver.tenancy.CertificateInventory.Role;
import org.xtaserver.osci.simulator.TestPki;
import org.xtaserver.tenant.pki.IssuedCertificate;

class CertificateChecksTests {

	private final Clock clock = Clock.fixed(Pki.NOW, ZoneOffset.UTC);

	private final TrustAnchors anchors = new TrustAnchors(List.of(Pki.CA.certificate()), true, List.of(), List.of());

	private final CertificateChecks checks = new CertificateChecks(this.clock, 30, this.anchors);

	@TempDir
	Path dir;

	@Test
	void aCaIssuedOsciCertificateWithItsKeyPassesEveryCheck() throws Exception {
		IssuedCertificate osci = Pki.valid("musterstadt-osci");
		List<CheckResult> results = this.checks.check(List.of(osciEntry(osci, osci.privateKey())), this.dir);

		assertThat(results).extracting(CheckResult::check)
			.containsExactly("certificate.validity", "certificate.keyUsage", "certificate.chain", "certificate.privateKey");
		assertThat(results).allSatisfy((r) -> assertThat(r.result()).as(r.finding()).isEqualTo(Outcome.PASS));
		assertThat(results.get(0).details()).containsEntry("daysToExpiry", "365");
	}

	@Test
	void anExpiredCertificateFails() throws Exception {
		IssuedCertificate expired = Pki.issue("old", Pki.NOW.minus(Duration.ofDays(400)), Pki.NOW.minus(Duration.ofDays(2)));

		CheckResult validity = this.checks.validity("old", expired.certificate());

		assertThat(validity.result()).isEqualTo(Outcome.FAIL);
		assertThat(validity.finding()).startsWith("expired on ");
	}

	@Test
	void aCertificateExpiringWithinThirtyDaysWarns() {
		IssuedCertificate soon = Pki.issue("soon", Pki.NOW.minus(Duration.ofDays(300)), Pki.NOW.plus(Duration.ofDays(12)));

		CheckResult validity = this.checks.validity("soon", soon.certificate());

		assertThat(validity.result()).isEqualTo(Outcome.WARN);
		assertThat(validity.finding()).contains("expires in 12 days");
	}

	@Test
	void aKeyNotBelongingToTheCertificateFails() throws Exception {
		IssuedCertificate osci = Pki.valid("musterstadt-osci");
		IssuedCertificate other = Pki.valid("someone-else");

		List<CheckResult> results = this.checks.check(List.of(osciEntry(osci, other.privateKey())), this.dir);

		CheckResult key = results.stream().filter((r) -> r.check().equals("certificate.privateKey")).findFirst().orElseThrow();
		assertThat(key.result()).isEqualTo(Outcome.FAIL);
		assertThat(key.finding()).contains("does not belong");
	}

	@Test
	void aCaCertificateUsedAsIntermediaryCipherCertificateHasTheWrongKeyUsage() {
		CheckResult usage = this.checks.keyUsage("ca", Pki.CA.certificate(), Role.OSCI_INTERMEDIARY_CIPHER);

		assertThat(usage.result()).isEqualTo(Outcome.FAIL);
		assertThat(usage.finding()).contains("keyCertSign").contains("needed: keyEncipherment");
	}

	@Test
	void aSelfSignedCertificateWithoutKeyUsageWarns() {
		var selfSigned = TestPki.credentials("intermediary", Pki.NOW, new SecureRandom()).certificate();

		assertThat(this.checks.chain("x", selfSigned, Role.OSCI_INTERMEDIARY, List.of()).result()).isEqualTo(Outcome.WARN);
		assertThat(this.checks.keyUsage("x", selfSigned, Role.OSCI_INTERMEDIARY).result()).isEqualTo(Outcome.WARN);
	}

	@Test
	void aClientCertificateOfAnUntrustedCaFails() {
		var otherCa = org.xtaserver.tenant.pki.CertificateAuthority.createRoot("CN=Other CA,C=DE",
				org.xtaserver.tenant.pki.Validity.between(Pki.NOW.minus(Duration.ofDays(1)), Pki.NOW.plus(Duration.ofDays(99))));
		var client = otherCa.issueClientCertificate("CN=procedure,C=DE", org.xtaserver.tenant.pki.Validity
			.between(Pki.NOW.minus(Duration.ofDays(1)), Pki.NOW.plus(Duration.ofDays(99))));

		CheckResult chain = this.checks.chain("client", client.certificate(), Role.CLIENT_TLS, List.of());

		assertThat(chain.result()).isEqualTo(Outcome.FAIL);
		assertThat(chain.finding()).contains("not in the TLS client trust store");
	}

	@Test
	void aFingerprintOnlyClientIsReportedWithWhatIsKnown() {
		Entry pinned = new Entry("clients[0].certificates[0]", Role.CLIENT_TLS, "fv", null, null,
				"a6342e5fe53135525a1c889c4feab11520589dbfdeb5414ea69a50831a224213", null, null);

		CheckResult r = this.checks.check(pinned, this.dir, List.of()).get(0);

		assertThat(r.result()).isEqualTo(Outcome.SKIPPED);
		assertThat(r.details()).containsEntry("sha256",
				"A6:34:2E:5F:E5:31:35:52:5A:1C:88:9C:4F:EA:B1:15:20:58:9D:BF:DE:B5:41:4E:A6:9A:50:83:1A:22:42:13");
	}

	private Entry osciEntry(IssuedCertificate certificate, java.security.PrivateKey key) throws Exception {
		Path crt = Pki.write(this.dir.resolve("osci.crt"), certificate.certificate());
		Path pem = Pki.writeKey(this.dir.resolve("osci.key"), key);
		return new Entry("osci.certificate", Role.OSCI_OWN, null, crt, pem, null, null, null);
	}
}
