package org.xtaserver.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtaserver.fetch.OsciTenantFetch;
import org.xtaserver.tenant.TenantId;
import org.xtaserver.tenant.TenantLoadReport;
import org.xtaserver.tenant.pki.IssuedCertificate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole report from a tenant folder, as the command line runs it, and its two files. */
class OnboardingCheckTests {

	private final Clock clock = Clock.fixed(Pki.NOW, ZoneOffset.UTC);

	@TempDir
	Path dir;

	@Test
	void aValidTenantGivesAReportInMarkdownAndJsonWithTheSameChecks() throws Exception {
		IssuedCertificate client = Pki.valid("fachverfahren");
		Pki.write(Files.createDirectories(this.dir.resolve("certs")).resolve("fv.crt"), client.certificate());
		Files.writeString(this.dir.resolve("musterstadt.yaml"), """
				id: musterstadt
				displayName: Stadt Musterstadt
				municipalityKey: "09999001"
				postboxes:
				  - identifier: { type: xoev, value: "demo:musterstadt:sozialamt" }
				    services:
				      - service: "urn:test:service"
				clients:
				  - name: fachverfahren
				    certificates:
				      - file: certs/fv.crt
				    actAs: [ { type: xoev, value: "demo:musterstadt:sozialamt" } ]
				""");

		OnboardingReport report = check().run(TenantId.of("musterstadt"));
		ReportFiles.Written written = ReportFiles.write(report, this.dir.resolve("reports"));

		assertThat(report.overall()).isEqualTo(Outcome.PASS);
		assertThat(report.checks()).extracting(CheckResult::check)
			.containsExactly("tenantFile.valid", "certificate.validity", "certificate.keyUsage", "certificate.chain",
					"intermediary.dialog", "postbox.unique", "postbox.services", "postbox.clients",
					"testMessage.roundTrip");
		assertThat(written.markdown().getFileName().toString()).isEqualTo("abnahmeprotokoll-musterstadt-20260301T100000Z.md");
		String markdown = Files.readString(written.markdown());
		assertThat(markdown).contains("# Test- und Abnahmeprotokoll", "Stadt Musterstadt", "**PASS**", "## 2. Zertifikate");
		JsonNode json = JsonMapper.builder().build().readTree(Files.readString(written.json()));
		assertThat(json.path("overall").asString()).isEqualTo("PASS");
		assertThat(json.path("checks")).hasSize(report.checks().size());
		assertThat(json.path("checks").get(0).path("checkedAt").asString()).isEqualTo("2026-03-01T10:00:00Z");
	}

	@Test
	void aTenantFileWithAnExpiredOsciCertificateFailsAndStillShowsTheCertificate() throws Exception {
		IssuedCertificate expired = Pki.issue("osci", Pki.NOW.minus(Duration.ofDays(400)), Pki.NOW.minus(Duration.ofDays(1)));
		IssuedCertificate intermediary = Pki.valid("intermediary");
		Path osci = Files.createDirectories(this.dir.resolve("osci"));
		Pki.write(osci.resolve("own.crt"), expired.certificate());
		Pki.writeKey(osci.resolve("own.key"), expired.privateKey());
		Pki.write(osci.resolve("intermediary.crt"), intermediary.certificate());
		Files.writeString(this.dir.resolve("musterstadt.yaml"), """
				id: musterstadt
				displayName: Stadt Musterstadt
				postboxes:
				  - identifier: { type: xoev, value: "demo:musterstadt:sozialamt" }
				osci:
				  intermediaryUrl: "http://127.0.0.1:9/osci"
				  certificate: osci/own.crt
				  privateKey: osci/own.key
				  intermediaryCertificate: osci/intermediary.crt
				""");

		OnboardingReport report = check().run(TenantId.of("musterstadt"));

		assertThat(report.overall()).isEqualTo(Outcome.FAIL);
		assertThat(report.checks().get(0).result()).isEqualTo(Outcome.FAIL);
		assertThat(report.checks().get(0).finding()).contains("expired");
		assertThat(report.checks()).filteredOn((c) -> c.check().equals("certificate.validity"))
			.extracting(CheckResult::result)
			.containsExactly(Outcome.FAIL, Outcome.PASS);
		assertThat(report.checks()).filteredOn((c) -> c.area().equals("intermediary"))
			.extracting(CheckResult::result)
			.containsExactly(Outcome.SKIPPED);
	}

	private OnboardingCheck check() {
		TrustAnchors anchors = new TrustAnchors(List.of(Pki.CA.certificate()), true, List.of(), List.of());
		return new OnboardingCheck(this.clock, this.dir, OnboardingCheck.Mode.CLI, "xta-test", TenantLoadReport::directory,
				anchors, 30, new IntermediaryCheck(this.clock, Duration.ofSeconds(5), OsciTenantFetch.overHttp(this.clock)),
				TestMessageCheck.skipped(this.clock, "command line"));
	}
}
