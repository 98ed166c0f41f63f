package org.xtaserver.tests.osci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.simulator.Fault;
import org.xtaserver.osci.simulator.OsciSimulator;
import org.xtaserver.tests.support.OsciTenantFiles;
import org.xtaserver.tests.support.XtaServer;

/**
 * Fifty municipalities wait for their deliveries at one intermediary. The server brings every
 * delivery into the right postbox exactly once, also while the intermediary injects each of its
 * faults and the server is killed (SIGKILL) twice in the middle of fetching.
 */
class FiftyTenantsExactlyOnceTest {

	private static final int TENANTS = Integer.getInteger("xta.test.osci.tenants", 50);

	private static final int PER_TENANT = 2;

	private static OsciSimulator simulator;

	private static XtaServer server;

	private static int dbPort;

	/** SHA-256 of each seeded content package, by tenant. */
	private static final Map<String, List<String>> seeded = new ConcurrentHashMap<>();

	@BeforeAll
	static void start() throws Exception {
		simulator = OsciSimulator.startWithTestKeys(Clock.systemUTC());
		try (ServerSocket free = new ServerSocket(0)) {
			dbPort = free.getLocalPort();
		}
		server = XtaServer.builder("osci-fifty")
			.args("--xta.tenants.reload-interval=PT2S", "--xta.osci.jitter=PT5S", "--xta.osci.max-backoff=PT20S",
					// A killed instance's leases block its tenants until they expire; keep that short here.
					"--xta.osci.lease-ttl=PT15S", "--xta.osci.request-timeout=PT7S",
					"--xta.embedded-db.port=" + dbPort)
			.start();
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
		if (simulator != null) {
			simulator.close();
		}
	}

	@Test
	void everyDeliveryArrivesExactlyOnceThroughFaultsAndKills() throws Exception {
		Path tenants = server.tenantsDirectory();
		Map<String, Credentials> credentials = new ConcurrentHashMap<>();
		IntStream.rangeClosed(1, TENANTS).parallel().forEach((n) -> {
			String id = "osci-%02d".formatted(n);
			Credentials osci = OsciTenantFiles.credentials(id);
			credentials.put(id, osci);
			for (int i = 0; i < PER_TENANT; i++) {
				byte[] content = container(id + " delivery " + i);
				simulator.seedDelivery(osci.certificate(), "Antrag " + i, content);
				seeded.computeIfAbsent(id, (k) -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(sha256(content));
			}
		});
		for (Map.Entry<String, Credentials> tenant : new java.util.TreeMap<>(credentials).entrySet()) {
			OsciTenantFiles.writeGeneratedTenant(tenants, tenant.getKey(), tenant.getKey() + ":postbox", tenant.getValue(),
					simulator);
		}
		int total = TENANTS * PER_TENANT;

		AtomicInteger requests = new AtomicInteger();
		simulator.engine().onTraffic((request, response) -> requests.incrementAndGet());
		for (Fault fault : Fault.values()) {
			int before = requests.get();
			simulator.injectOnce(fault);
			await().atMost(Duration.ofMinutes(2)).until(() -> requests.get() > before);
		}
		await().atMost(Duration.ofMinutes(3)).until(() -> stored() >= total / 3);
		server.kill();
		server.start();
		await().atMost(Duration.ofMinutes(3)).until(() -> stored() >= 2 * total / 3);
		server.kill();
		server.start();
		await().atMost(Duration.ofMinutes(4)).until(() -> stored() >= total);

		try (Connection db = database(); Statement st = db.createStatement()) {
			try (ResultSet duplicates = st.executeQuery("SELECT reader_tenant, source_key, COUNT(*) FROM message "
					+ "WHERE source = 'OSCI' GROUP BY reader_tenant, source_key HAVING COUNT(*) > 1")) {
				assertThat(duplicates.next()).as("a delivery stored twice").isFalse();
			}
			Map<String, List<String>> stored = new java.util.HashMap<>();
			try (ResultSet rows = st.executeQuery("SELECT m.reader_tenant, c.sha256 FROM message m "
					+ "JOIN message_part p ON p.message_pk = m.id AND p.part_no = 0 JOIN content c ON c.id = p.content_id "
					+ "WHERE m.source = 'OSCI'")) {
				while (rows.next()) {
					stored.computeIfAbsent(rows.getString(1), (k) -> new ArrayList<>()).add(rows.getString(2));
				}
			}
			assertThat(stored).hasSize(TENANTS);
			seeded.forEach((tenant, hashes) -> assertThat(stored.get(tenant)).as("deliveries of %s", tenant)
				.containsExactlyInAnyOrderElementsOf(hashes));
		}
		assertThat(server.logTail(2000)).contains("XTA-8004");
	}

	private static int stored() throws Exception {
		try (Connection db = database(); Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM message WHERE source = 'OSCI'")) {
			rs.next();
			return rs.getInt(1);
		}
		catch (java.sql.SQLException ex) {
			return 0; // the server (and its database) is restarting
		}
	}

	private static Connection database() throws java.sql.SQLException {
		return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + dbPort + "/xta", "root", "");
	}

	private static byte[] container(String text) {
		return ("<osci:ContentContainer xmlns:osci=\"http://www.osci.de/2002/04/osci\"><osci:Content Id=\"c1\">"
				+ "<osci:Base64Content>" + java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
				+ "</osci:Base64Content></osci:Content></osci:ContentContainer>").getBytes(StandardCharsets.UTF_8);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
