package org.xtaserver.tests.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.MsgBoxPortType;
import org.xtaserver.wsdl.v3.SendPortType;

/**
 * Two server instances on one MariaDB, configured with the same tenant files and trusting the same
 * client CA, fetch six tenants (50 in the benchmark's heavy variant, -Dxta.replicas.generated-tenants=48)
 * from the OSCI intermediary while specialist procedures send through
 * one instance and read through the other. Every delivery and every sent message is stored once;
 * a tenant is never in two OSCI dialogs at once (the lease in {@code fetch_lease}); after one
 * instance is killed, the other fetches its tenants, and a lease the dead instance left behind is
 * respected until it expires.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TwoReplicasShareOneDatabaseTest {

	private static final Duration LEASE_TTL = Duration.ofSeconds(10);

	/** A tenant's fetch interval (the smallest the tenant files allow) plus the scheduler's jitter. */
	private static final Duration FETCH_INTERVAL = Duration.ofSeconds(11);

	/** Tenants besides the two demo ones; the benchmark's heavy variant runs 48 (50 in all). */
	private static final int GENERATED_TENANTS = Integer.getInteger("xta.replicas.generated-tenants", 4);

	private static final int DELIVERIES_PER_TENANT = 4;

	private static final int MESSAGES_PER_SENDER = 12;

	private static OsciSimulator simulator;

	private static ExternalMariaDb db;

	private static XtaServer a;

	private static XtaServer b;

	/** Tenant id -> its OSCI credentials (deliveries are addressed to the certificate). */
	private static final Map<String, Credentials> TENANTS = new LinkedHashMap<>();

	private static OsciDialogLog dialogs;

	@BeforeAll
	static void startDatabaseIntermediaryAndTwoReplicas() throws Exception {
		org.apache.xml.security.Init.init();
		simulator = OsciSimulator.startWithTestKeys(java.time.Clock.systemUTC());
		db = ExternalMariaDb.start("replicas");
		// The replicas start side by side, as a rolling deployment would start them (both run Flyway
		// on the empty schema). The second gets the first one's demo files (same CA, server
		// certificate, client identities) as soon as they exist, and reads the very same tenant folder.
		a = replica("replica-a").build();
		ExecutorService starting = Executors.newSingleThreadExecutor();
		try {
			Future<XtaServer> aReady = starting.submit(a::start);
			await("demo files of replica-a").atMost(XtaServer.STARTUP_TIMEOUT)
				.pollInterval(Duration.ofMillis(200))
				.until(() -> aReady.isDone() || Files.isRegularFile(a.demoDirectory().resolve("identities.json")));
			Path tenants = a.tenantsDirectory();
			b = replica("replica-b").args("--xta.tenants.directory=" + tenants).build();
			copyTree(a.demoDirectory(), b.demoDirectory());
			for (String demo : List.of("musterstadt", "beispielhausen")) {
				Credentials osci = OsciTenantFiles.credentials(demo);
				TENANTS.put(demo, osci);
				OsciTenantFiles.enableOsci(tenants, demo, osci, simulator);
			}
			for (int i = 1; i <= GENERATED_TENANTS; i++) {
				String id = "replica-gen-" + i;
				Credentials osci = OsciTenantFiles.credentials(id);
				TENANTS.put(id, osci);
				OsciTenantFiles.writeGeneratedTenant(tenants, id, "test:" + id + ":postbox", osci, simulator);
			}
			Map<String, X509Certificate> signers = new LinkedHashMap<>();
			TENANTS.forEach((id, c) -> signers.put(id, c.certificate()));
			dialogs = new OsciDialogLog(signers).attachTo(simulator);
			b.start();
			aReady.get();
		}
		finally {
			starting.shutdown();
		}
	}

	private static XtaServer.Builder replica(String name) {
		return XtaServer.builder(name)
			.jvmArgs("-Xmx384m")
			.args(db.serverArgs())
			.args("--xta.tenants.reload-interval=PT1S", "--xta.osci.jitter=PT1S", "--xta.osci.lease-ttl=PT10S", "--xta.osci.request-timeout=PT5S",
					"--xta.osci.instance-id=" + name);
	}

	@AfterAll
	static void stopEverything() {
		Closeables.closeAll(b, a, db, simulator);
	}

	@Test
	void everyMessageIsStoredOnceEachTenantHasOneFetcherAndTheSurvivorTakesOverAKilledInstancesTenants(
			TestReporter reporter) throws Exception {
		DemoIdentity musterstadt = identity(a, "musterstadt");
		DemoIdentity beispielhausen = identity(a, "beispielhausen");
		String service = DemoTenants.serviceOf(a, beispielhausen.party());
		Map<String, List<OsciMessageId>> seeded = new ConcurrentHashMap<>();
		Map<String, byte[]> seededContent = new ConcurrentHashMap<>();
		List<V3.Sent> sent = Collections.synchronizedList(new ArrayList<>());

		// 1. Both instances work: deliveries arrive at the intermediary while two procedures send,
		// each through one instance to a postbox the other one reads.
		await("tenants with OSCI scheduled on both instances").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> dialogs.dialogs().stream().map(OsciDialogLog.Dialog::tenant).distinct().count() == TENANTS.size());
		// Deliveries arrive one by one over ~18 s, so that both instances' rounds (each tenant every
		// ~10.5 s per instance, at random phases) get their share, however many tenants there are.
		List<String> order = new ArrayList<>();
		for (int round = 0; round < DELIVERIES_PER_TENANT; round++) {
			order.addAll(TENANTS.keySet());
		}
		java.util.concurrent.ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
		java.util.concurrent.CountDownLatch allSeeded = new java.util.concurrent.CountDownLatch(order.size());
		java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
		arrivals.scheduleAtFixedRate(() -> {
			int i = next.getAndIncrement();
			if (i < order.size()) {
				seed(order.get(i), "before-kill-" + i, seeded, seededContent);
				allSeeded.countDown();
			}
		}, 0, Math.max(40, 18_000 / order.size()), TimeUnit.MILLISECONDS);
		ExecutorService load = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> clients = List.of(
					load.submit(() -> send(a, musterstadt, beispielhausen, service, "a", sent, allSeeded)),
					load.submit(() -> send(b, beispielhausen, musterstadt, service, "b", sent, allSeeded)),
					load.submit(() -> read(a, musterstadt, allSeeded)), load.submit(() -> read(b, beispielhausen, allSeeded)));
			for (Future<?> client : clients) {
				client.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			load.shutdownNow();
			arrivals.shutdownNow();
		}
		int beforeKill = seeded.values().stream().mapToInt(List::size).sum();
		await("every delivery seeded so far stored").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> osciStored() == beforeKill);
		assertThat(fetchedBy(a)).as("deliveries stored by replica-a (XTA-8001 in its log)").isNotEmpty();
		assertThat(fetchedBy(b)).as("deliveries stored by replica-b (XTA-8001 in its log)").isNotEmpty();

		// 2. Kill replica-a, preferably while it holds a tenant's lease (in the middle of a round).
		await("replica-a holding a lease").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(5))
			.ignoreExceptions()
			.until(() -> db.count("SELECT COUNT(*) FROM fetch_lease WHERE owner = 'replica-a'") > 0);
		a.kill();
		Instant killedAt = Instant.now();
		Instant asked = Instant.now();
		List<List<Object>> stranded = db.query("SELECT tenant_id, TIMESTAMPDIFF(MICROSECOND, UTC_TIMESTAMP(6), expires_at)"
				+ " FROM fetch_lease WHERE owner = 'replica-a' AND expires_at > UTC_TIMESTAMP(6)");
		Map<String, String> afterKill = new LinkedHashMap<>();
		for (String tenant : TENANTS.keySet()) {
			afterKill.put(seed(tenant, "after-kill", seeded, seededContent).wire(), tenant);
		}
		Set<String> byB = await("deliveries seeded after the kill stored by replica-b")
			.atMost(LEASE_TTL.plus(FETCH_INTERVAL).plus(Duration.ofSeconds(15)))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> fetchedBy(b), (ids) -> ids.containsAll(afterKill.keySet()));
		reporter.publishEntry("takeover", "replica-a killed holding " + stranded.size() + " unexpired lease(s); the "
				+ afterKill.size() + " deliveries seeded after the kill were stored by replica-b within "
				+ Duration.between(killedAt, Instant.now()).toMillis() + " ms");
		for (List<Object> lease : stranded) {
			String tenant = (String) lease.get(0);
			// Database and test share the machine's clock; the difference avoids time zone conversions.
			Instant expires = asked.plus(Duration.ofNanos(((Number) lease.get(1)).longValue() * 1000));
			OsciDialogLog.Dialog taken = dialogs.firstDialogAfter(tenant, killedAt).orElseThrow();
			assertThat(taken.first().at())
				.as("first dialog of %s after the kill: not before the dead instance's lease expired", tenant)
				.isAfterOrEqualTo(expires);
		}

		// 3. The survivor serves everything: each sent message and each demo tenant's delivery once,
		// byte for byte; the database holds each OSCI delivery and each XTA message exactly once.
		XtaClients survivor = XtaClients.of(b);
		for (DemoIdentity reader : List.of(musterstadt, beispielhausen)) {
			MsgBoxPortType box = survivor.msgBox(reader);
			List<String> listed = V3.ids(box.getStatusList(V3.statusListRequest(500), V3.party(reader),
					new jakarta.xml.ws.Holder<>()));
			assertThat(new HashSet<>(listed)).as("no message listed twice for %s", reader.name()).hasSameSizeAs(listed);
			for (V3.Sent message : sent) {
				if (reader.party().value().equals(readerOf(message, musterstadt, beispielhausen))) {
					assertThat(listed).contains(message.messageId());
					V3.Fetched fetched = V3.fetch(box, reader, message.messageId());
					assertThat(fetched.message()).isEqualTo(message.message());
					assertThat(fetched.attachments()).singleElement().isEqualTo(message.attachment());
				}
			}
			String tenant = reader == musterstadt ? "musterstadt" : "beispielhausen";
			for (OsciMessageId id : seeded.get(tenant)) {
				String xtaId = "urn:de:xta:messageid:osci:" + tenant + ":" + id.wire();
				assertThat(listed).contains(xtaId);
				assertThat(V3.fetch(box, reader, xtaId).attachments()).singleElement()
					.isEqualTo(seededContent.get(id.wire()));
			}
		}
		assertThat(db.query("SELECT reader_tenant, source_key, COUNT(*) FROM message WHERE source = 'OSCI'"
				+ " GROUP BY reader_tenant, source_key HAVING COUNT(*) > 1")).as("OSCI deliveries stored twice").isEmpty();
		for (Map.Entry<String, List<OsciMessageId>> tenant : seeded.entrySet()) {
			List<String> stored = db.query("SELECT source_key FROM message WHERE source = 'OSCI' AND reader_tenant = ?",
					tenant.getKey()).stream().map((row) -> (String) row.get(0)).toList();
			assertThat(stored).as("OSCI deliveries stored for %s", tenant.getKey())
				.containsExactlyInAnyOrderElementsOf(tenant.getValue().stream().map(OsciMessageId::wire).toList());
			for (ProcessCard card : simulator.processCards(TENANTS.get(tenant.getKey()).certificate())) {
				assertThat(card.reception()).as("reception of %s at the intermediary", card.messageId()).isNotNull();
			}
		}
		assertThat(db.count("SELECT COUNT(*) FROM message WHERE source = 'XTA'")).as("XTA messages stored")
			.isEqualTo(sent.size());
		assertThat(dialogs.problems()).as("unreadable OSCI traffic").isEmpty();
		assertThat(dialogs.overlappingDialogs()).as("dialogs of one tenant open at the same time").isEmpty();
	}

	private static OsciMessageId seed(String tenant, String marker, Map<String, List<OsciMessageId>> seeded,
			Map<String, byte[]> content) {
		byte[] attachment = ("replica delivery " + tenant + " " + marker + " " + System.nanoTime())
			.getBytes(StandardCharsets.UTF_8);
		OsciMessageId id = simulator.seedDelivery(TENANTS.get(tenant).certificate(), "Antrag " + marker,
				("<Antrag xmlns=\"urn:xta-server:tests:replicas\"><Marker>" + marker + "</Marker></Antrag>")
					.getBytes(StandardCharsets.UTF_8),
				Map.of("anlage1", attachment), null);
		content.put(id.wire(), attachment);
		seeded.computeIfAbsent(tenant, (t) -> Collections.synchronizedList(new ArrayList<>())).add(id);
		return id;
	}

	/** Sends at least {@link #MESSAGES_PER_SENDER} messages, and on until every delivery is seeded. */
	private static Void send(XtaServer server, DemoIdentity author, DemoIdentity reader, String service, String marker,
			List<V3.Sent> sent, java.util.concurrent.CountDownLatch seeding) throws Exception {
		XtaClients clients = XtaClients.of(server);
		ManagementPortType management = clients.management(author);
		SendPortType send = clients.send(author);
		for (int i = 0; i < MESSAGES_PER_SENDER || seeding.getCount() > 0; i++) {
			sent.add(V3.sendSmall(management, send, author, reader, service, "replica-" + marker + "-" + i));
		}
		return null;
	}

	/** Lists the postbox and fetches what is listed, until every delivery is seeded. */
	private static Void read(XtaServer server, DemoIdentity reader, java.util.concurrent.CountDownLatch seeding)
			throws Exception {
		MsgBoxPortType box = XtaClients.of(server).msgBox(reader);
		while (seeding.getCount() > 0) {
			List<String> listed = V3.ids(box.getStatusList(V3.statusListRequest(50), V3.party(reader),
					new jakarta.xml.ws.Holder<>()));
			for (String id : listed.subList(Math.max(0, listed.size() - 3), listed.size())) {
				assertThat(V3.fetch(box, reader, id).messageId()).isEqualTo(id);
			}
		}
		return null;
	}

	private static String readerOf(V3.Sent message, DemoIdentity musterstadt, DemoIdentity beispielhausen) {
		// Sender a (Musterstadt) writes to Beispielhausen, sender b the other way round; the marker
		// is inside the message.
		String text = new String(message.message(), StandardCharsets.UTF_8);
		return text.contains("replica-a-") ? beispielhausen.party().value() : musterstadt.party().value();
	}

	private static long osciStored() {
		return db.count("SELECT COUNT(*) FROM message WHERE source = 'OSCI'");
	}

	/** OSCI message ids an instance logged as stored (XTA-8001). */
	private static Set<String> fetchedBy(XtaServer server) throws IOException {
		Set<String> ids = new HashSet<>();
		try (Stream<String> lines = Files.lines(server.logFile(), StandardCharsets.UTF_8)) {
			lines.filter((l) -> l.contains("XTA-8001 OSCI delivery "))
				.forEach((l) -> ids.add(l.substring(l.indexOf("XTA-8001 OSCI delivery ") + 23).split(" ")[0]));
		}
		return ids;
	}

	private static DemoIdentity identity(XtaServer server, String municipality) {
		return server.identities().stream()
			.filter((i) -> i.party().value().contains(municipality))
			.findFirst()
			.orElseThrow();
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path source : paths.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}
}
