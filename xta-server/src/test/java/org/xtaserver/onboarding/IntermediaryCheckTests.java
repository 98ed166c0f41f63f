package org.xtaserver.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtaserver.fetch.OsciTenantFetch;
import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.simulator.Fault;
import org.xtaserver.osci.simulator.OsciSimulator;
import org.xtaserver.osci.simulator.TestPki;
import org.xtaserver.tenant.OsciSettings;

/** The intermediary dialog against the OSCI simulator over real HTTP with real transport crypto. */
class IntermediaryCheckTests {

	private final Clock clock = Clock.systemUTC();

	private final IntermediaryCheck check = new IntermediaryCheck(this.clock, Duration.ofSeconds(10),
			OsciTenantFetch.overHttp(this.clock));

	private OsciSimulator simulator;

	private Credentials tenant;

	@TempDir
	Path dir;

	@BeforeEach
	void start() throws Exception {
		this.simulator = OsciSimulator.startWithTestKeys(this.clock);
		this.tenant = TestPki.credentials("musterstadt-osci", this.clock.instant(), new SecureRandom());
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void aDialogWithTheTenantsCertificatesPassesAndReportsTheDeliveriesWaiting() throws Exception {
		this.simulator.seedDelivery(this.tenant.certificate(), "Antrag", "<a/>".getBytes());
		this.simulator.seedDelivery(this.tenant.certificate(), "Antrag", "<b/>".getBytes());

		CheckResult r = this.check.check(settings(this.simulator.uri()));

		assertThat(r.result()).as(r.finding()).isEqualTo(Outcome.PASS);
		assertThat(r.details()).containsEntry("deliveriesWaiting", "2").containsKey("conversationId");
		assertThat(this.simulator.processCards(this.tenant.certificate())).as("nothing fetched").hasSize(2);
	}

	@Test
	void anUnreachableIntermediaryFails() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}

		CheckResult r = this.check.check(settings(URI.create("http://127.0.0.1:" + closedPort + OsciSimulator.PATH)));

		assertThat(r.result()).isEqualTo(Outcome.FAIL);
		assertThat(r.finding()).startsWith("InitDialog failed: intermediary not reachable");
	}

	@Test
	void anAnswerWithAWrongSignatureFails() throws Exception {
		this.simulator.injectOnce(Fault.WRONG_SIGNATURE);

		CheckResult r = this.check.check(settings(this.simulator.uri()));

		assertThat(r.result()).isEqualTo(Outcome.FAIL);
		assertThat(r.finding()).contains("not trustworthy");
	}

	@Test
	void aTenantWithoutOsciIsSkipped() {
		assertThat(this.check.check(null).result()).isEqualTo(Outcome.SKIPPED);
	}

	private OsciSettings settings(URI uri) throws Exception {
		Path crt = Pki.write(this.dir.resolve("osci.crt"), this.tenant.certificate());
		Path key = Pki.writeKey(this.dir.resolve("osci.key"), this.tenant.privateKey());
		Path cipher = Pki.write(this.dir.resolve("cipher.crt"), this.simulator.cipherCertificate());
		Path signature = Pki.write(this.dir.resolve("signature.crt"), this.simulator.signatureCertificate());
		return new OsciSettings(uri, Duration.ofMinutes(5), crt, key, cipher, signature);
	}
}
