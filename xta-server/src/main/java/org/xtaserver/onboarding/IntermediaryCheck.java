package org.xtaserver.onboarding;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.xtaserver.osci.client.OsciClientConfig;
import org.xtaserver.osci.client.OsciException;
import org.xtaserver.osci.client.OsciFeedbackException;
import org.xtaserver.osci.client.OsciPostboxClient;
import org.xtaserver.osci.client.OsciSecurityException;
import org.xtaserver.osci.client.OsciTransportException;
import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.crypto.TransportCrypto;
import org.xtaserver.osci.message.ProcessCard;
import org.xtaserver.osci.message.ProcessCardSelection;
import org.xtaserver.tenant.OsciSettings;
import org.xtaserver.tenant.pki.Pem;

/**
 * A real OSCI 1.2 dialog with the tenant's intermediary and the tenant's certificates, as a fetch
 * round opens it: InitDialog, FetchProcessCard for the deliveries waiting, ExitDialog. Nothing is
 * fetched, so the intermediary records no reception.
 */
final class IntermediaryCheck {

	static final String AREA = "intermediary";

	/** Most process cards listed; the report says "at least" when the limit is reached. */
	static final int LIST_LIMIT = 100;

	private final Clock clock;

	private final Duration requestTimeout;

	private final Function<OsciClientConfig, OsciPostboxClient> clients;

	IntermediaryCheck(Clock clock, Duration requestTimeout, Function<OsciClientConfig, OsciPostboxClient> clients) {
		this.clock = clock;
		this.requestTimeout = requestTimeout;
		this.clients = clients;
	}

	CheckResult check(OsciSettings osci) {
		if (osci == null) {
			return result("intermediary.dialog", "(none)", Outcome.SKIPPED,
					"the tenant has no osci section: its messages are not fetched from an OSCI intermediary");
		}
		String subject = osci.intermediaryUrl().toString();
		OsciClientConfig config;
		try {
			Credentials own = new Credentials(Pem.readPrivateKey(osci.privateKey()), Pem.readCertificate(osci.certificate()));
			config = new OsciClientConfig(own, own, osci.intermediaryUrl(), Pem.readCertificate(osci.signatureCertificate()),
					Pem.readCertificate(osci.intermediaryCertificate()), this.requestTimeout,
					TransportCrypto.Algorithms.GOVERNIKUS);
		}
		catch (IOException | RuntimeException ex) {
			return result("intermediary.dialog", subject, Outcome.FAIL,
					"the tenant's OSCI key material cannot be used: " + ex.getMessage());
		}
		long started = System.nanoTime();
		String step = "InitDialog";
		try (OsciPostboxClient client = this.clients.apply(config)) {
			String conversation = client.openDialog();
			step = "FetchProcessCard";
			List<ProcessCard> waiting = client.listProcessCards(ProcessCardSelection.pendingForAddressee(LIST_LIMIT));
			step = "ExitDialog";
			client.close();
			long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
			String count = waiting.size() >= LIST_LIMIT ? "at least " + LIST_LIMIT : String.valueOf(waiting.size());
			return result("intermediary.dialog", subject, Outcome.PASS, "OSCI dialog opened, listed and closed with the"
					+ " tenant's certificates in " + millis + " ms; " + count + " deliveries waiting")
				.with("conversationId", conversation)
				.with("deliveriesWaiting", count)
				.with("durationMs", millis);
		}
		catch (OsciSecurityException ex) {
			return failed(subject, step, "the answer is not trustworthy (" + ex.outcome() + "): " + ex.getMessage()
					+ "; check osci.intermediaryCertificate / intermediarySignatureCertificate");
		}
		catch (OsciFeedbackException ex) {
			return failed(subject, step, "the intermediary refused with code " + ex.code() + ": " + ex.getMessage());
		}
		catch (OsciTransportException ex) {
			return failed(subject, step, "intermediary not reachable: " + ex.getMessage());
		}
		catch (OsciException | IllegalStateException ex) {
			return failed(subject, step, ex.getMessage());
		}
	}

	private CheckResult failed(String subject, String step, String finding) {
		return result("intermediary.dialog", subject, Outcome.FAIL, step + " failed: " + finding).with("failedStep", step);
	}

	private CheckResult result(String check, String subject, Outcome outcome, String finding) {
		return CheckResult.of(check, AREA, subject, outcome, finding, this.clock.instant());
	}
}
