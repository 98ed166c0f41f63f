package org.xtaserver.tests.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.message.OsciMessageId;
import org.xtaserver.osci.simulator.OsciSimulator;
import org.xtaserver.tests.support.Actuator;
import org.xtaserver.tests.support.Closeables;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
import org.xtaserver.tests.support.ExternalMariaDb;
import org.xtaserver.tests.support.OsciTenantFiles;
import org.xtaserver.tests.support.TestContent;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.MsgBoxPortType;
import org.xtaserver.wsdl.v3.SendPortType;
import org.xtaserver.wsdl.v3.XTAWSTechnicalProblemException;

/**
 * The database goes away under load and comes back (same data, same port): while it is away,
 * requests are answered with the declared fault XTAWSTechnicalProblem (not a generic SOAP fault,
 * not a hang) and readiness is not UP; afterwards the server recovers by itself (readiness UP,
 * new messages accepted, the fetcher stores what arrived at the intermediary meanwhile) and every
 * message accepted before the outage is still there, byte for byte.
 *
 * <p>The server's pool waits at most 5 s for a connection
 * ({@code spring.datasource.hikari.connection-timeout=5000}) so that the outage requests do not each
 * take Hikari's default 30 s.
 *
 * <p>The messages here are small: the server reads such content before it starts the answer, so an
 * outage during getMessage is the declared fault too. (A large message already streaming when the
 * database goes away can only end in a broken connection; it stays offered for the retry.)
 */
class DatabaseOutageTest {

	private static final String TECHNICAL_PROBLEM = XTAWSTechnicalProblemException.class.getSimpleName();

	private static OsciSimulator simulator;

	private static AutoCloseable quietClients;

	private static ExternalMariaDb db;

	private static XtaServer server;

	private static Credentials osci;

	@BeforeAll
	static void startDatabaseIntermediaryAndServer() throws Exception {
		org.apache.xml.security.Init.init();
		quietClients = CrashLoad.quietClientFailureLogs();
		simulator = OsciSimulator.startWithTestKeys(Clock.systemUTC());
		db = ExternalMariaDb.start("outage");
		server = XtaServer.builder("outage")
			.jvmArgs("-Xmx384m")
			.args(db.serverArgs())
			.args("--spring.datasource.hikari.connection-timeout=5000", "--xta.tenants.reload-interval=PT1S",
					"--xta.osci.jitter=PT1S")
			.start();
		osci = OsciTenantFiles.credentials("musterstadt");
		OsciTenantFiles.enableOsci(server.tenantsDirectory(), "musterstadt", osci, simulator);
	}

	@AfterAll
	static void stopEverything() {
		Closeables.closeAll(server, db, simulator, quietClients);
	}

	@Test
	@Timeout(value = 8, unit = TimeUnit.MINUTES)
	void requestsDuringADatabaseOutageGetTechnicalProblemAndTheServerRecoversWithoutLosingAnything(
			TestReporter reporter) throws Exception {
		DemoIdentity musterstadt = identity("musterstadt");
		DemoIdentity beispielhausen = identity("beispielhausen");
		String service = DemoTenants.serviceOf(server, beispielhausen.party());
		XtaClients xta = XtaClients.of(server);
		ManagementPortType management = xta.management(musterstadt);
		SendPortType send = xta.send(musterstadt);
		MsgBoxPortType box = xta.msgBox(beispielhausen);
		Map<String, byte[]> deliveries = new ConcurrentHashMap<>();
		seed(deliveries, "before");
		CrashLoad load = new CrashLoad(server);
		ExecutorService clients = Executors.newFixedThreadPool(2);
		List<Future<?>> running = new ArrayList<>();
		running.add(clients.submit(() -> load.send(musterstadt, beispielhausen, service, "outage", () -> false, () -> {
		})));
		running.add(clients.submit(() -> load.read(beispielhausen)));
		try {
			await("messages accepted before the outage").atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> load.acknowledged.size() >= 15);
			await("the delivery seeded before the outage stored").atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> osciStored() == 1);
			String reservedBefore = management.createMessageId(V3.party(musterstadt)).getValue();
			String existing = load.acknowledged.keySet().iterator().next();
			assertThat(load.failures).as("client failures before the outage").isEmpty();

			db.stop();
			seed(deliveries, "during");
			await("readiness not UP while the database is away").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> !Actuator.ready(server));
			assertThatThrownBy(() -> management.createMessageId(V3.party(musterstadt)))
				.as("createMessageId during the outage")
				.isInstanceOf(XTAWSTechnicalProblemException.class);
			assertThatThrownBy(() -> send.sendMessage(
					V3.container(V3.content(TestContent.xmlPayload("during-outage"), "text/xml", "nachricht.xml")),
					V3.metadata(reservedBefore, musterstadt, beispielhausen, service), null))
				.as("sendMessage during the outage")
				.isInstanceOf(XTAWSTechnicalProblemException.class);
			assertThatThrownBy(() -> box.getStatusList(V3.statusListRequest(10), V3.party(beispielhausen),
					new jakarta.xml.ws.Holder<>()))
				.as("getStatusList during the outage")
				.isInstanceOf(XTAWSTechnicalProblemException.class);
			assertThatThrownBy(() -> V3.fetch(box, beispielhausen, existing)).as("getMessage during the outage")
				.isInstanceOf(XTAWSTechnicalProblemException.class);
			await("the load's requests failing during the outage").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> load.failures.containsKey(TECHNICAL_PROBLEM));
			long outageStarted = System.nanoTime();

			db.start();
			await("readiness UP again after the database is back").atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> Actuator.ready(server));
			long recoveredAfterMs = (System.nanoTime() - outageStarted) / 1_000_000;
			int acknowledgedAtRecovery = load.acknowledged.size();
			await("new messages accepted after the outage").atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> load.acknowledged.size() >= acknowledgedAtRecovery + 10);
			byte[] late = TestContent.xmlPayload("reserved-before-the-outage");
			send.sendMessage(V3.container(V3.content(late, "text/xml", "nachricht.xml")),
					V3.metadata(reservedBefore, musterstadt, beispielhausen, service), null);
			assertThat(V3.fetch(box, beispielhausen, reservedBefore).message())
				.as("a message id reserved before the outage, whose first send failed, still usable")
				.isEqualTo(late);
			await("the delivery that arrived during the outage fetched and stored").atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> osciStored() == deliveries.size());
			String summary = "readiness UP " + recoveredAfterMs + " ms after the database restart began"
					+ " again; client failures " + load.failures + "; " + load.acknowledged.size() + " acknowledged";
			reporter.publishEntry("outage", summary);
			CrashLoad.summary(server, "outage-summary.txt", summary);
		}
		finally {
			load.stop();
			clients.shutdown();
			assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).as("client threads ended").isTrue();
		}
		for (Future<?> client : running) {
			client.get();
		}

		assertThat(load.failures.keySet())
			.as("kinds of client failures (only the declared technical fault); first messages: %s", load.firstFailureMessages)
			.isEqualTo(Set.of(TECHNICAL_PROBLEM));
		assertThat(load.mismatches).as("content fetched under load that differs from what was sent").isEmpty();
		List<String> stored = db.query("SELECT message_id FROM message WHERE source = 'XTA'")
			.stream()
			.map((row) -> (String) row.get(0))
			.toList();
		assertThat(stored).as("every acknowledged message stored").containsAll(load.acknowledged.keySet());
		assertThat(stored).as("stored messages no client tried: only the one sent with the id reserved before")
			.filteredOn((id) -> !load.attempted.containsKey(id))
			.hasSize(1);
		for (String id : stored) {
			CrashLoad.Attempt sent = load.attempted.get(id);
			if (sent != null) {
				V3.Fetched fetched = V3.fetch(box, beispielhausen, id);
				assertThat(fetched.message()).as("message part of %s", id).isEqualTo(sent.message());
				assertThat(fetched.attachments()).as("attachment of %s", id).singleElement().isEqualTo(sent.attachment());
			}
		}
		List<String> osciStored = db.query("SELECT source_key FROM message WHERE source = 'OSCI'")
			.stream()
			.map((row) -> (String) row.get(0))
			.toList();
		assertThat(osciStored).as("deliveries stored, each once").containsExactlyInAnyOrderElementsOf(deliveries.keySet());
		for (String wire : deliveries.keySet()) {
			assertThat(V3.fetch(xta.msgBox(musterstadt), musterstadt, "urn:de:xta:messageid:osci:musterstadt:" + wire)
				.attachments()).singleElement().isEqualTo(deliveries.get(wire));
		}
	}

	private static void seed(Map<String, byte[]> deliveries, String marker) {
		byte[] attachment = ("outage delivery " + marker + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
		OsciMessageId id = simulator.seedDelivery(osci.certificate(), "Antrag " + marker,
				("<Antrag xmlns=\"urn:xta-server:tests:outage\"><Wann>" + marker + "</Wann></Antrag>")
					.getBytes(StandardCharsets.UTF_8),
				Map.of("anlage1", attachment), null);
		deliveries.put(id.wire(), attachment);
	}

	private static long osciStored() {
		return db.count("SELECT COUNT(*) FROM message WHERE source = 'OSCI'");
	}

	private static DemoIdentity identity(String municipality) {
		return server.identities().stream()
			.filter((i) -> i.party().value().contains(municipality))
			.findFirst()
			.orElseThrow();
	}
}
