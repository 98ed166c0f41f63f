package org.xtaserver.tests.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.message.OsciMessageId;
import org.xtaserver.osci.message.ProcessCard;
import org.xtaserver.osci.simulator.OsciSimulator;
import org.xtaserver.tests.support.Closeables;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
import org.xtaserver.tests.support.ExternalMariaDb;
import org.xtaserver.tests.support.OsciTenantFiles;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.wsdl.v3.MsgBoxPortType;

/**
 * Crash safety: while two specialist procedures send to each other, both read their postboxes and
 * the fetcher takes deliveries from the OSCI intermediary, the server is killed (SIGKILL) at
 * random moments and started again. At the end every message whose sendMessage was answered with
 * success, and every delivery the intermediary handed out, is in its postbox exactly once with the
 * bytes that were sent; a message that was tried but not acknowledged is there at most once, and
 * then intact too.
 *
 * <p>The CI variant is light; the benchmark runs the heavy one with system properties:
 * {@code -Dxta.crash.kills=20 -Dxta.crash.messages=2000 -Dxta.crash.deliveries=200}
 * (and {@code -Dxta.crash.seed=...} to repeat a run's kill moments).
 */
class KillDuringLoadTest {

	private static final int KILLS = Integer.getInteger("xta.crash.kills", 4);

	private static final int MESSAGES = Integer.getInteger("xta.crash.messages", 160);

	private static final int DELIVERIES = Integer.getInteger("xta.crash.deliveries", 24);

	private static final long SEED = Long.getLong("xta.crash.seed", System.nanoTime());

	/** The server's default bound of a MsgBox listing. */
	private static final int MAX_LIST_ITEMS = 500;

	private static final String OSCI_ID_PREFIX = "urn:de:xta:messageid:osci:";

	private static OsciSimulator simulator;

	private static AutoCloseable quietClients;

	private static ExternalMariaDb db;

	private static XtaServer server;

	private static final Map<String, Credentials> OSCI = new LinkedHashMap<>();

	@BeforeAll
	static void startDatabaseIntermediaryAndServer() throws Exception {
		org.apache.xml.security.Init.init();
		quietClients = CrashLoad.quietClientFailureLogs();
		simulator = OsciSimulator.startWithTestKeys(Clock.systemUTC());
		db = ExternalMariaDb.start("crash");
		server = XtaServer.builder("crash")
			.jvmArgs("-Xmx384m")
			.args(db.serverArgs())
			.args("--xta.tenants.reload-interval=PT1S", "--xta.osci.jitter=PT1S", "--xta.osci.lease-ttl=PT10S", "--xta.osci.request-timeout=PT5S")
			.start();
		for (String tenant : List.of("musterstadt", "beispielhausen")) {
			Credentials credentials = OsciTenantFiles.credentials(tenant);
			OSCI.put(tenant, credentials);
			OsciTenantFiles.enableOsci(server.tenantsDirectory(), tenant, credentials, simulator);
		}
	}

	@AfterAll
	static void stopEverything() {
		Closeables.closeAll(server, db, simulator, quietClients);
	}

	@Test
	// The CI variant takes about 3 minutes; the heavy one (20 kills, 2,000 messages) up to ~20.
	@Timeout(value = 30, unit = TimeUnit.MINUTES)
	void everyAcknowledgedMessageAndEveryHandedOutDeliveryIsStoredExactlyOnceThroughRepeatedKills(
			TestReporter reporter) throws Exception {
		DemoIdentity musterstadt = identity("musterstadt");
		DemoIdentity beispielhausen = identity("beispielhausen");
		String service = DemoTenants.serviceOf(server, beispielhausen.party());
		Random random = new Random(SEED);
		CrashLoad load = new CrashLoad(server);
		Map<String, byte[]> seeded = new ConcurrentHashMap<>();
		Map<String, String> tenantOf = new ConcurrentHashMap<>();
		AtomicInteger seededCount = new AtomicInteger();
		// Deliveries arrive at the intermediary in step with the acknowledged messages, so that
		// the fetcher has work throughout the run.
		Runnable arrivals = () -> {
			int due = (int) ((long) load.acknowledged.size() * DELIVERIES / MESSAGES);
			while (seededCount.get() < Math.min(due, DELIVERIES)) {
				int n = seededCount.getAndIncrement();
				if (n >= DELIVERIES) {
					break;
				}
				String tenant = (n % 2 == 0) ? "musterstadt" : "beispielhausen";
				byte[] attachment = ("crash delivery " + n + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
				OsciMessageId id = simulator.seedDelivery(OSCI.get(tenant).certificate(), "Antrag " + n,
						("<Antrag xmlns=\"urn:xta-server:tests:crash\"><Nr>" + n + "</Nr></Antrag>")
							.getBytes(StandardCharsets.UTF_8),
						Map.of("anlage1", attachment), null);
				seeded.put(id.wire(), attachment);
				tenantOf.put(id.wire(), tenant);
			}
		};
		ExecutorService clients = Executors.newFixedThreadPool(4);
		List<Future<?>> running = new ArrayList<>();
		List<String> killedAfter = new ArrayList<>();
		try {
			running.add(clients.submit(() -> load.send(musterstadt, beispielhausen, service, "m2b",
					() -> load.acknowledged.size() >= MESSAGES, arrivals)));
			running.add(clients.submit(() -> load.send(beispielhausen, musterstadt, service, "b2m",
					() -> load.acknowledged.size() >= MESSAGES, arrivals)));
			running.add(clients.submit(() -> load.read(musterstadt)));
			running.add(clients.submit(() -> load.read(beispielhausen)));

			// Each kill comes after a random number of acknowledged messages within its share of the run.
			int share = MESSAGES / (KILLS + 1);
			for (int kill = 1; kill <= KILLS; kill++) {
				int after = (kill - 1) * share + share / 2 + random.nextInt(Math.max(1, share));
				await("%d acknowledged messages before kill %d".formatted(after, kill)).atMost(Duration.ofMinutes(3))
					.pollInterval(Duration.ofMillis(20))
					.until(() -> load.acknowledged.size() >= after);
				server.kill();
				killedAfter.add(after + " acks");
				server.start();
			}
			await("all %d messages acknowledged".formatted(MESSAGES)).atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> load.acknowledged.size() >= MESSAGES);
		}
		finally {
			load.stop();
			clients.shutdown();
			assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).as("client threads ended").isTrue();
		}
		for (Future<?> client : running) {
			client.get();
		}
		arrivals.run();
		await("every seeded delivery handed out by the intermediary and stored").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> db.count("SELECT COUNT(*) FROM message WHERE source = 'OSCI'") >= seeded.size());

		XtaClients xta = XtaClients.of(server);
		int unacknowledgedButStored = 0;
		for (DemoIdentity reader : List.of(musterstadt, beispielhausen)) {
			String tenant = reader == musterstadt ? "musterstadt" : "beispielhausen";
			MsgBoxPortType box = xta.msgBox(reader);
			List<String> listed = db.query("SELECT message_id FROM message WHERE reader_value = ?", reader.party().value())
				.stream()
				.map((row) -> (String) row.get(0))
				.toList();
			if (listed.size() <= MAX_LIST_ITEMS) {
				List<String> offered = V3.ids(box.getStatusList(V3.statusListRequest(MAX_LIST_ITEMS), V3.party(reader),
						new jakarta.xml.ws.Holder<>()));
				assertThat(offered).as("postbox of %s listed over MsgBoxPort", tenant)
					.containsExactlyInAnyOrderElementsOf(listed);
			}
			for (CrashLoad.Attempt ack : load.acknowledged.values()) {
				if (ack.readerValue().equals(reader.party().value())) {
					assertThat(listed).as("acknowledged message %s in the postbox of %s", ack.messageId(), tenant)
						.contains(ack.messageId());
				}
			}
			for (String id : listed) {
				V3.Fetched fetched = V3.fetch(box, reader, id);
				if (id.startsWith(OSCI_ID_PREFIX)) {
					String wire = id.substring(OSCI_ID_PREFIX.length() + tenant.length() + 1);
					assertThat(seeded).as("a stored delivery %s the intermediary had", id).containsKey(wire);
					assertThat(fetched.attachments()).as("attachment of delivery %s", id)
						.singleElement()
						.isEqualTo(seeded.get(wire));
					continue;
				}
				CrashLoad.Attempt sent = load.attempted.get(id);
				assertThat(sent).as("stored message %s was sent by a client", id).isNotNull();
				assertThat(fetched.message()).as("message part of %s", id).isEqualTo(sent.message());
				assertThat(fetched.attachments()).as("attachment of %s", id).singleElement().isEqualTo(sent.attachment());
				if (!load.acknowledged.containsKey(id)) {
					unacknowledgedButStored++;
				}
			}
			for (Map.Entry<String, String> delivery : tenantOf.entrySet()) {
				if (delivery.getValue().equals(tenant)) {
					assertThat(listed).as("delivery %s of %s", delivery.getKey(), tenant)
						.contains(OSCI_ID_PREFIX + tenant + ":" + delivery.getKey());
				}
			}
			for (ProcessCard card : simulator.processCards(OSCI.get(tenant).certificate())) {
				assertThat(card.reception()).as("delivery %s handed out by the intermediary", card.messageId())
					.isNotNull();
			}
		}
		assertThat(load.mismatches).as("content fetched under load that differs from what was sent").isEmpty();
		assertThat(db.query("SELECT reader_tenant, source_key, COUNT(*) FROM message WHERE source = 'OSCI'"
				+ " GROUP BY reader_tenant, source_key HAVING COUNT(*) > 1")).as("deliveries stored twice").isEmpty();
		assertThat(db.count("SELECT COUNT(*) FROM message WHERE source = 'OSCI'")).isEqualTo(seeded.size());
		assertThat(db.count("SELECT COUNT(*) FROM message_part p JOIN content c ON c.id = p.content_id"
				+ " WHERE NOT c.complete")).as("parts of accepted messages whose content is incomplete").isZero();
		String summary = "seed " + SEED + ", kills after " + killedAfter + ": " + load.attempted.size()
				+ " messages tried, " + load.acknowledged.size() + " acknowledged, " + unacknowledgedButStored
				+ " stored without acknowledgement, " + seeded.size() + " OSCI deliveries, " + load.fetched.get()
				+ " fetches under load, client failures " + load.failures;
		reporter.publishEntry("crash", summary);
		CrashLoad.summary(server, "crash-summary.txt", summary);
	}

	private static DemoIdentity identity(String municipality) {
		return server.identities().stream()
			.filter((i) -> i.party().value().contains(municipality))
			.findFirst()
			.orElseThrow();
	}
}
