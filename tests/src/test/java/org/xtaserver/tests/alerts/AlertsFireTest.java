package org.xtaserver.tests.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xtaserver.osci.simulator.OsciSimulator;
import org.xtaserver.osci.simulator.TestPki;
import org.xtaserver.tenant.demo.DemoEnvironment;
import org.xtaserver.tenant.demo.DemoSetup;
import org.xtaserver.tenant.pki.CertificateAuthority;
import org.xtaserver.tenant.pki.IssuedCertificate;
import org.xtaserver.tenant.pki.Pem;
import org.xtaserver.tenant.pki.Validity;
import org.xtaserver.tests.alerts.AlertMonitor.Evaluation;
import org.xtaserver.tests.alerts.RuleEvaluator.Alert;
import org.xtaserver.tests.alerts.RuleEvaluator.State;
import org.xtaserver.tests.support.Actuator;
import org.xtaserver.tests.support.Closeables;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
import org.xtaserver.tests.support.ExternalMariaDb;
import org.xtaserver.tests.support.OsciTenantFiles;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.SendPortType;

import tools.jackson.databind.JsonNode;

/**
 * Every alert of the chart's PrometheusRule fires on its real condition, against the packaged
 * server on an external MariaDB: the chart is rendered with seconds instead of minutes
 * ({@link ChartRules#testValues()}), a miniature Prometheus ({@link AlertMonitor}) scrapes
 * {@code /actuator/prometheus} every second with the labels the ServiceMonitor would attach, and
 * the test makes each condition happen and checks that the alert was not active before, went
 * pending, and fired after its {@code for}, with the labels an operator routes on.
 *
 * <ul>
 * <li>XtaCertificateExpiring: the server's TLS certificate (issued by the demo CA) and a tenant's
 * OSCI certificate expire in 20 days, the threshold is 30.</li>
 * <li>XtaTenantFileRejected: a broken tenant file appears.</li>
 * <li>XtaPostboxBacklogGrowing: more than minMessages (3) messages are sent into a postbox that
 * nobody fetches.</li>
 * <li>XtaTenantNotFetched: a tenant is fetched from the OSCI simulator, then the simulator stops.</li>
 * <li>XtaDatabaseDown: the database stops; the pool times out.</li>
 * <li>XtaServerDown: the server stops; the scrape fails.</li>
 * </ul>
 */
class AlertsFireTest {

	/** The pod name the miniature Prometheus attaches (the Operator takes it from the endpoint). */
	private static final String POD = "kdz-xta-server-0";

	/** Relative to the server's working directory. */
	private static final String SHORT_LIVED_CERTIFICATE = "short-lived-tls/server.crt";

	private static final String SHORT_LIVED_KEY = "short-lived-tls/server.key";

	private static final int SHORT_LIVED_DAYS = 20;

	private static ChartRules chart;

	private static ExternalMariaDb db;

	private static OsciSimulator simulator;

	private static XtaServer server;

	private static AlertMonitor monitor;

	@BeforeAll
	static void startDatabaseIntermediaryServerAndMonitor() throws Exception {
		// The database starts while the chart renders (both take seconds on a busy machine).
		ExecutorService startup = Executors.newSingleThreadExecutor();
		Future<ExternalMariaDb> database = startup.submit(() -> ExternalMariaDb.start("alerts"));
		startup.shutdown();
		try {
			chart = ChartRules.render(ChartRules.testValues());
			simulator = OsciSimulator.startWithTestKeys(Clock.systemUTC());
		}
		finally {
			// Also when rendering failed, so that stopEverything() stops the database.
			db = database.get(5, TimeUnit.MINUTES);
		}
		server = XtaServer.builder("alerts")
			.jvmArgs("-Xmx384m")
			.args(db.serverArgs())
			.args("--xta.tenants.reload-interval=PT1S", "--xta.osci.jitter=PT1S", "--xta.metrics.backlog-interval=PT1S",
					"--xta.tls.certificate=file:" + SHORT_LIVED_CERTIFICATE, "--xta.tls.private-key=file:" + SHORT_LIVED_KEY)
			.build();
		issueShortLivedServerCertificate(server.workingDirectory());
		server.start();
		Map<String, String> target = new LinkedHashMap<>();
		target.put("job", chart.job());
		target.put("namespace", chart.namespace());
		target.put("service", chart.job());
		target.put("endpoint", chart.endpoint());
		target.put("pod", POD);
		target.put("container", "xta-server");
		target.put("instance", "127.0.0.1:" + server.managementPort());
		monitor = new AlertMonitor(
				List.of(new ScrapeTarget(server.actuator("prometheus"), target, Duration.ofSeconds(3))), chart.rules(),
				Duration.ofSeconds(1))
			.start();
	}

	/**
	 * Creates the demo environment before the server's first start (the server then uses it as it
	 * is) so that the demo CA, which the test clients trust, can issue a server certificate that
	 * expires soon.
	 */
	private static void issueShortLivedServerCertificate(Path workingDirectory) throws Exception {
		DemoSetup demo = new DemoEnvironment(Clock.systemUTC()).ensure(workingDirectory);
		CertificateAuthority ca = new CertificateAuthority(Pem.readCertificate(demo.caCertificate()),
				Pem.readPrivateKey(demo.caKey()));
		IssuedCertificate certificate = ca.issueServerCertificate("CN=localhost,O=XTA alerts test,C=DE",
				Validity.starting(Clock.systemUTC(), Duration.ofDays(SHORT_LIVED_DAYS)));
		Path file = workingDirectory.resolve(SHORT_LIVED_CERTIFICATE);
		Files.createDirectories(file.getParent());
		Pem.writeCertificates(file, certificate.chain());
		Pem.writePrivateKey(workingDirectory.resolve(SHORT_LIVED_KEY), certificate.privateKey());
	}

	@AfterAll
	static void stopEverything() throws Exception {
		if (monitor != null && server != null) {
			// For whoever reads the run: the alert history and what the server exported.
			Files.writeString(server.workingDirectory().resolve("alert-history.txt"), monitor.describe()
					+ "\nscraped metric names:\n" + String.join("\n", monitor.store().metricNames()) + "\n");
		}
		Closeables.closeAll(monitor, server, simulator, db);
	}

	@Test
	@Timeout(value = 8, unit = TimeUnit.MINUTES)
	void everyAlertGoesPendingThenFiringOnItsRealCondition() throws Exception {
		DemoIdentity musterstadt = identity("musterstadt");
		DemoIdentity beispielhausen = identity("beispielhausen");
		await("three successful scrapes").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> monitor.history().stream().filter((e) -> e.up().get(0)).count() >= 3);

		// The messages go in from another thread meanwhile: the test JVM's first SOAP calls take long.
		Map<String, String> postbox = Map.of("tenant", "beispielhausen", "postbox", beispielhausen.party().value());
		ScheduledExecutorService client = Executors.newSingleThreadScheduledExecutor();
		Backlog backlog = new Backlog(musterstadt, beispielhausen, postbox);
		Future<Long> fourthSent = client.submit(backlog::build);

		long fileWritten = System.currentTimeMillis();
		Files.writeString(server.tenantsDirectory().resolve("kaputt.yaml"), "id: kaputt\ndisplayName: Kaputt\nunknownField: 1\n");

		OsciTenantFiles.enableOsci(server.tenantsDirectory(), "musterstadt", OsciTenantFiles.credentials("musterstadt"),
				simulator);
		// A tenant whose OSCI certificate (valid 3,650 days) has SHORT_LIVED_DAYS left.
		long expiringTenantWritten = System.currentTimeMillis();
		OsciTenantFiles.writeGeneratedTenant(server.tenantsDirectory(), "alerts-expiring", "test:alerts-expiring:postbox",
				TestPki.credentials("alerts-expiring-osci",
						Instant.now().minus(Duration.ofDays(3650 - SHORT_LIVED_DAYS)), new SecureRandom()),
				simulator);
		Map<String, String> fetchedTenant = Map.of("tenant", "musterstadt");
		await("musterstadt fetched from the intermediary").atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> monitor.value("xta_osci_last_successful_fetch_timestamp_seconds", fetchedTenant).orElse(0.0) > 0);
		long intermediaryStopped = System.currentTimeMillis();
		simulator.close();
		long overMinMessages = fourthSent.get(3, TimeUnit.MINUTES);
		// A postbox nobody fetches keeps receiving: without growth the alert ends after its window,
		// possibly before the intermediary's alert fires.
		client.scheduleWithFixedDelay(backlog::grow, 5, 5, TimeUnit.SECONDS);

		Map<String, String> serverCertificate = Map.of("tenant", "server", "certificate", "server-tls");
		Map<String, String> tenantCertificate = Map.of("tenant", "alerts-expiring", "certificate", "osci");
		awaitAlerts("four alerts firing", Duration.ofMinutes(2),
				() -> monitor.isFiring("XtaTenantFileRejected", Map.of())
						&& monitor.isFiring("XtaPostboxBacklogGrowing", postbox)
						&& monitor.isFiring("XtaTenantNotFetched", fetchedTenant)
						&& monitor.isFiring("XtaCertificateExpiring", serverCertificate)
						&& monitor.isFiring("XtaCertificateExpiring", tenantCertificate));
		client.shutdown();
		assertThat(client.awaitTermination(1, TimeUnit.MINUTES)).as("backlog sender stopped").isTrue();
		assertThat(backlog.failure.get()).as("messages sent into the postbox meanwhile").isNull();

		assertPendingThenFiring("XtaTenantFileRejected", Map.of(), fileWritten,
				Map.of("severity", "warning", "job", chart.job(), "namespace", chart.namespace()));
		assertThat(monitor.latest("XtaTenantFileRejected", Map.of()).orElseThrow().value()).as("rejected files").isEqualTo(1);
		assertPendingThenFiring("XtaPostboxBacklogGrowing", postbox, overMinMessages,
				Map.of("severity", "warning", "job", chart.job(), "namespace", chart.namespace()));
		assertPendingThenFiring("XtaTenantNotFetched", fetchedTenant, intermediaryStopped,
				Map.of("severity", "critical", "job", chart.job(), "namespace", chart.namespace()));
		assertPendingThenFiring("XtaCertificateExpiring", serverCertificate, 0, Map.of("severity", "warning"));
		assertThat(monitor.latest("XtaCertificateExpiring", serverCertificate).orElseThrow().value())
			.as("days left").isBetween(SHORT_LIVED_DAYS - 1.0, (double) SHORT_LIVED_DAYS);
		assertPendingThenFiring("XtaCertificateExpiring", tenantCertificate, expiringTenantWritten,
				Map.of("severity", "warning"));
		assertThat(monitor.latest("XtaCertificateExpiring", tenantCertificate).orElseThrow().value())
			.as("days left of the tenant's OSCI certificate").isBetween(SHORT_LIVED_DAYS - 1.0, (double) SHORT_LIVED_DAYS);
		JsonNode certificates = Actuator.health(server, "tenantCertificates");
		assertThat(certificates.path("status").asString()).as("tenantCertificates health").isEqualTo("EXPIRING");
		assertThat(certificates.path("details").path("alerts-expiring").path("osci").path("daysLeft").asLong())
			.as("days left in the per-tenant health view").isBetween(SHORT_LIVED_DAYS - 1L, (long) SHORT_LIVED_DAYS);
		assertThat(certificates.path("details").path("musterstadt").path("osci").path("notAfter").asString())
			.as("musterstadt's OSCI certificate in the health view").isNotBlank();
		assertThat(certificates.toString()).as("the health view holds no key material").doesNotContain("BEGIN", "PRIVATE");
		assertThat(monitor.value("xta_certificate_expiry_days", Map.of("tenant", "musterstadt", "certificate", "osci")))
			.as("musterstadt's OSCI certificate exported too, valid for years").hasValueSatisfying((days) -> assertThat(days).isGreaterThan(3000));
		assertThat(monitor.history()).as("musterstadt's certificates (valid 10 years) never alert")
			.allSatisfy((e) -> assertThat(e.alerts())
				.noneMatch((a) -> a.labels().contains(Map.of("alertname", "XtaCertificateExpiring", "tenant", "musterstadt"))));
		assertThat(monitor.history()).as("the demo client CA (valid 10 years) never alerts")
			.allSatisfy((e) -> assertThat(e.alerts())
				.noneMatch((a) -> a.labels().contains(Map.of("alertname", "XtaCertificateExpiring", "certificate", "client-ca"))));
		TreeSet<String> referenced = new TreeSet<>();
		chart.rules().forEach((r) -> referenced.addAll(r.metricNames()));
		assertThat(monitor.store().metricNames()).as("every metric the rules select was exported by the server")
			.containsAll(referenced);

		long databaseStopped = System.currentTimeMillis();
		db.stop();
		Map<String, String> pod = Map.of("namespace", chart.namespace(), "pod", POD);
		awaitAlerts("XtaDatabaseDown firing", Duration.ofMinutes(2), () -> monitor.isFiring("XtaDatabaseDown", pod));
		assertPendingThenFiring("XtaDatabaseDown", pod, databaseStopped, Map.of("severity", "critical"));
		assertThat(Actuator.ready(server)).as("readiness while the database is away").isFalse();

		// The database stays away: the server stops all the same (the stop fails the test if it hangs).
		long serverStopped = System.currentTimeMillis();
		server.stop();
		Map<String, String> scraped = Map.of("pod", POD, "job", chart.job(), "namespace", chart.namespace(), "instance",
				"127.0.0.1:" + server.managementPort());
		awaitAlerts("XtaServerDown firing", Duration.ofMinutes(1), () -> monitor.isFiring("XtaServerDown", scraped));
		assertPendingThenFiring("XtaServerDown", scraped, serverStopped, Map.of("severity", "critical"));
		assertThat(monitor.latest("XtaTenantFileRejected", Map.of())).map(Alert::state)
			.as("the stopped server's series ended, so its other alerts resolved")
			.contains(State.INACTIVE);
		assertThat(monitor.errors()).isEmpty();
	}

	/** Awaits alert states; a timeout or an evaluation error fails with the alert history and the server log. */
	private static void awaitAlerts(String what, Duration timeout, Callable<Boolean> condition) {
		try {
			await(what).atMost(timeout)
				.pollInterval(Duration.ofMillis(500))
				.failFast("evaluation error", () -> !monitor.errors().isEmpty())
				.until(condition);
		}
		catch (ConditionTimeoutException | TerminalFailureException ex) {
			throw new AssertionError(server.describe("did not bring about: " + what) + "\n" + monitor.describe(), ex);
		}
	}

	/** Messages into the reader's postbox, which nobody fetches. */
	private static final class Backlog {

		private final DemoIdentity author;

		private final DemoIdentity reader;

		private final Map<String, String> postbox;

		private final AtomicReference<Exception> failure = new AtomicReference<>();

		private ManagementPortType management;

		private SendPortType send;

		private String service;

		private int sent;

		Backlog(DemoIdentity author, DemoIdentity reader, Map<String, String> postbox) {
			this.author = author;
			this.reader = reader;
			this.postbox = postbox;
		}

		/**
		 * One message first, until the scrape shows it waiting (so the backlog visibly grows), then
		 * four more.
		 * @return when the fourth message was sent: before that, at most minMessages (3) could wait
		 */
		long build() throws Exception {
			XtaClients xta = XtaClients.of(server);
			this.management = xta.management(this.author);
			this.send = xta.send(this.author);
			this.service = DemoTenants.serviceOf(server, this.reader.party());
			sendOne();
			await("the first waiting message scraped").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> monitor.value("xta_postbox_messages_waiting", this.postbox).orElse(0.0) >= 1);
			long fourth = 0;
			for (int i = 2; i <= 5; i++) {
				if (i == 4) {
					fourth = System.currentTimeMillis();
				}
				sendOne();
			}
			return fourth;
		}

		/** One more message; a failure is kept for the test to report. */
		void grow() {
			try {
				sendOne();
			}
			catch (Exception ex) {
				this.failure.compareAndSet(null, ex);
			}
		}

		private void sendOne() throws Exception {
			V3.sendSmall(this.management, this.send, this.author, this.reader, this.service, "backlog-" + ++this.sent);
		}
	}

	/**
	 * The alert was neither pending nor firing in any evaluation that ended before
	 * {@code conditionMadeAt}, then was pending in at least one evaluation, then fired once its
	 * condition had held for the rule's {@code for}; it carries {@code expectedLabels}, and none of
	 * the labels that differ between replicas where the rule aggregates them away.
	 */
	private static void assertPendingThenFiring(String name, Map<String, String> labels, long conditionMadeAt,
			Map<String, String> expectedLabels) {
		String history = monitor.describe();
		assertThat(monitor.activeBefore(name, labels, conditionMadeAt)).as("%s active before its condition\n%s", name, history)
			.isEmpty();
		Evaluation pending = monitor.first(name, labels, State.PENDING)
			.orElseThrow(() -> new AssertionError(name + " never pending\n" + history));
		Evaluation firing = monitor.first(name, labels, State.FIRING)
			.orElseThrow(() -> new AssertionError(name + " never firing\n" + history));
		Alert fired = AlertMonitor.alertIn(firing, name, labels);
		assertThat(pending.timeMillis()).as("%s pending before firing\n%s", name, history).isLessThan(firing.timeMillis());
		assertThat(fired.firedAtMillis() - fired.activeAtMillis()).as("%s held for its 'for'", name)
			.isGreaterThanOrEqualTo(chart.rule(name).holdDuration().toMillis());
		assertThat(fired.labels().map()).as("labels of %s", name)
			.containsAllEntriesOf(labels)
			.containsAllEntriesOf(expectedLabels)
			.containsEntry("alertname", name);
		if (!name.equals("XtaServerDown") && !name.equals("XtaDatabaseDown")) {
			assertThat(fired.labels().map()).as("per-replica labels aggregated away in %s", name)
				.doesNotContainKeys("pod", "instance", "container", "endpoint", "service");
		}
	}

	private static DemoIdentity identity(String municipality) {
		return server.identities()
			.stream()
			.filter((i) -> i.party().value().contains(municipality))
			.findFirst()
			.orElseThrow();
	}
}
