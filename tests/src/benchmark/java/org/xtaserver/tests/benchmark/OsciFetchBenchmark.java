package org.xtaserver.tests.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xtaserver.osci.simulator.OsciSimulator;
import org.xtaserver.osci.simulator.SimulatorKeys;
import org.xtaserver.tests.support.Actuator;
import org.xtaserver.tests.support.ReaderEncryption;
import org.xtaserver.tests.support.XtaServer;

/**
 * OSCI fetch throughput (section {@code osci-fetch}): how many deliveries per second the server
 * fetches from one intermediary (the simulator) for 200 tenants and stores, against the
 * simulator's own serving rate measured alone with the same dialogs, tenants, bytes and
 * concurrency (the baseline). One row with the default {@code xta.osci.concurrency} and one with
 * twice as many parallel dialogs.
 */
class OsciFetchBenchmark {

	static final String ID = "osci-fetch";

	private static final boolean QUICK = Boolean.getBoolean("xta.benchmark.quick");

	private static final int TENANTS = QUICK ? 20 : 200;

	private static final int PER_TENANT = QUICK ? 3 : 10;

	/** Tenants of the warm-up, which runs the same code paths before anything is measured. */
	private static final int WARM_UP_TENANTS = QUICK ? 5 : 20;

	private static final int WARM_UP_PER_TENANT = QUICK ? 2 : 5;

	/** The server's default xta.osci.concurrency, and twice that. */
	private static final int DEFAULT_CONCURRENCY = 8;

	private static final List<Integer> CONCURRENCIES = List.of(DEFAULT_CONCURRENCY, 2 * DEFAULT_CONCURRENCY);

	/** The smallest fetchInterval a tenant file allows. */
	private static final Duration FETCH_INTERVAL = Duration.ofSeconds(10);

	/** Plain text per delivery; XML Encryption (base64) makes about 10 KB of it. */
	private static final int PLAINTEXT_BYTES = 6_300;

	private static final Duration ALL_STORED_TIMEOUT = QUICK ? Duration.ofMinutes(3) : Duration.ofMinutes(8);

	private static final String MAIN_PREFIX = "osci-bench";

	private static final String WARM_UP_PREFIX = "osci-warm";

	private final Clock clock = Clock.systemUTC();

	@Test
	// Two server runs of 2,000 deliveries each and their baselines take longer than the default 5 minutes.
	@Timeout(value = 30, unit = TimeUnit.MINUTES)
	void fetchThroughputOf200TenantsAgainstTheSimulatorAlone() throws Exception {
		SimulatorKeys keys = SimulatorKeys.generate(this.clock.instant(), new SecureRandom());
		List<OsciBenchmarkTenants.Tenant> tenants = OsciBenchmarkTenants.withOsci(MAIN_PREFIX, TENANTS);
		List<OsciBenchmarkTenants.Tenant> warmUp = OsciBenchmarkTenants.withOsci(WARM_UP_PREFIX, WARM_UP_TENANTS);
		List<byte[]> contents = encryptedContents(TENANTS * PER_TENANT + WARM_UP_TENANTS * WARM_UP_PER_TENANT);
		double meanContentBytes = contents.stream().mapToInt((c) -> c.length).average().orElse(0);

		List<Row> rows = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (int concurrency : CONCURRENCIES) {
			Baseline baseline;
			Ours ours;
			try {
				baseline = baseline(keys, tenants, warmUp, contents, concurrency);
				ours = ours(keys, tenants, warmUp, contents, concurrency);
			}
			catch (Exception ex) {
				// The other row may still be measured; the failure is reported with the results.
				problems.add("concurrency " + concurrency + ": " + ex);
				continue;
			}
			rows.add(new Row(concurrency, baseline, ours));
			if (baseline.run().fetched().size() != baseline.seeded().size() || !baseline.run().failures().isEmpty()) {
				problems.add("baseline (concurrency " + concurrency + ") fetched " + baseline.run().fetched().size()
						+ " of " + baseline.seeded().size() + ", failed dialogs: " + baseline.run().failures());
			}
			problems.addAll(ours.problems());
		}

		write(rows, meanContentBytes, problems);

		assertThat(problems).as("problems of the OSCI fetch benchmark").isEmpty();
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.ours().rate()).as("our rate").isPositive();
			assertThat(row.baseline().run().rate()).as("baseline rate").isPositive();
		});
	}

	// ------------------------------------------------------------------ baseline

	private record Baseline(Set<String> seeded, OsciBaselineFetcher.Run run, long requests, Duration jvmCpu,
			double machineBusyPercent) {
	}

	private Baseline baseline(SimulatorKeys keys, List<OsciBenchmarkTenants.Tenant> tenants,
			List<OsciBenchmarkTenants.Tenant> warmUp, List<byte[]> contents, int concurrency) throws Exception {
		try (OsciSimulator simulator = OsciSimulator.start(0, keys, this.clock)) {
			AtomicLong requests = new AtomicLong();
			simulator.engine().onTraffic((request, response) -> requests.incrementAndGet());
			Set<String> seeded = seed(simulator, tenants, PER_TENANT, contents, 0);
			seed(simulator, warmUp, WARM_UP_PER_TENANT, contents, TENANTS * PER_TENANT);
			OsciBaselineFetcher fetcher = new OsciBaselineFetcher(simulator, concurrency);
			fetcher.fetchAll(warmUp);

			long requestsBefore = requests.get();
			Duration cpuBefore = OsciBenchmarkProcesses.cpu(List.of(ProcessHandle.current()));
			OsciBenchmarkProcesses.MachineCpu machineBefore = OsciBenchmarkProcesses.MachineCpu.now();
			OsciBaselineFetcher.Run run = fetcher.fetchAll(tenants);
			return new Baseline(seeded, run, requests.get() - requestsBefore,
					OsciBenchmarkProcesses.cpu(List.of(ProcessHandle.current())).minus(cpuBefore),
					OsciBenchmarkProcesses.MachineCpu.now().busySince(machineBefore));
		}
	}

	// ------------------------------------------------------------------ ours

	/**
	 * @param stored deliveries of the measured tenants in the database
	 * @param windowSeconds first to last accepted_at of them
	 * @param wallSeconds from writing the tenant files until all were stored (polled every 250 ms)
	 * @param requests OSCI requests the simulator answered meanwhile
	 */
	private record Ours(int seeded, int stored, double windowSeconds, double wallSeconds, long requests,
			Duration serverCpu, Duration databaseCpu, Duration simulatorJvmCpu, double machineBusyPercent,
			boolean exactlyOnce, double receivedMetric, List<String> problems) {

		double rate() {
			return (this.stored < 2 || this.windowSeconds <= 0) ? 0 : (this.stored - 1) / this.windowSeconds;
		}
	}

	private Ours ours(SimulatorKeys keys, List<OsciBenchmarkTenants.Tenant> tenants,
			List<OsciBenchmarkTenants.Tenant> warmUp, List<byte[]> contents, int concurrency) throws Exception {
		List<String> problems = new ArrayList<>();
		int dbPort = freePort();
		List<String> args = new ArrayList<>(List.of("--xta.tenants.reload-interval=PT1S",
				// Tenants become due within a second of being added instead of within the default 30 s.
				"--xta.osci.jitter=PT1S", "--xta.embedded-db.port=" + dbPort));
		if (concurrency != DEFAULT_CONCURRENCY) {
			args.add("--xta.osci.concurrency=" + concurrency);
		}
		try (OsciSimulator simulator = OsciSimulator.start(0, keys, this.clock);
				XtaServer server = XtaServer.builder("bench-osci-fetch-c" + concurrency)
					.jvmArgs("-Xmx512m")
					.args(args.toArray(String[]::new))
					.start()) {
			AtomicLong requests = new AtomicLong();
			simulator.engine().onTraffic((request, response) -> requests.incrementAndGet());
			Set<String> seeded = seed(simulator, tenants, PER_TENANT, contents, 0);
			seed(simulator, warmUp, WARM_UP_PER_TENANT, contents, TENANTS * PER_TENANT);
			Path directory = server.tenantsDirectory();

			// Warm-up: the server's fetch and store paths run before the measured tenants exist; the
			// warm-up tenants are removed again so that their empty rounds do not compete.
			OsciBenchmarkTenants.write(directory, warmUp, simulator, FETCH_INTERVAL);
			int warmUpTotal = WARM_UP_TENANTS * WARM_UP_PER_TENANT;
			await("warm-up deliveries stored").atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> stored(dbPort, WARM_UP_PREFIX) >= warmUpTotal);
			for (OsciBenchmarkTenants.Tenant tenant : warmUp) {
				Files.delete(directory.resolve(tenant.id() + ".yaml"));
			}

			List<ProcessHandle> database = server.processHandle().descendants().toList();
			List<ProcessHandle> serverJvm = List.of(server.processHandle());
			Duration serverCpuBefore = OsciBenchmarkProcesses.cpu(serverJvm);
			Duration databaseCpuBefore = OsciBenchmarkProcesses.cpu(database);
			Duration ownCpuBefore = OsciBenchmarkProcesses.cpu(List.of(ProcessHandle.current()));
			OsciBenchmarkProcesses.MachineCpu machineBefore = OsciBenchmarkProcesses.MachineCpu.now();
			long requestsBefore = requests.get();
			long start = System.nanoTime();
			OsciBenchmarkTenants.write(directory, tenants, simulator, FETCH_INTERVAL);
			try {
				await("all " + seeded.size() + " deliveries stored").atMost(ALL_STORED_TIMEOUT)
					.pollInterval(Duration.ofMillis(250))
					.until(() -> stored(dbPort, MAIN_PREFIX) >= seeded.size());
			}
			catch (ConditionTimeoutException ex) {
				problems.add("concurrency " + concurrency + ": not all deliveries stored within " + ALL_STORED_TIMEOUT);
			}
			double wall = (System.nanoTime() - start) / 1e9;
			long requestsDuring = requests.get() - requestsBefore;
			Duration serverCpu = OsciBenchmarkProcesses.cpu(serverJvm).minus(serverCpuBefore);
			Duration databaseCpu = OsciBenchmarkProcesses.cpu(database).minus(databaseCpuBefore);
			Duration ownCpu = OsciBenchmarkProcesses.cpu(List.of(ProcessHandle.current())).minus(ownCpuBefore);
			double busy = OsciBenchmarkProcesses.MachineCpu.now().busySince(machineBefore);

			int stored;
			double window;
			Set<String> storedKeys = new HashSet<>();
			try (Connection db = database(dbPort); Statement st = db.createStatement()) {
				try (ResultSet rs = st.executeQuery("SELECT COUNT(*), TIMESTAMPDIFF(MICROSECOND, MIN(accepted_at), "
						+ "MAX(accepted_at)) FROM message WHERE source = 'OSCI' AND reader_tenant LIKE '" + MAIN_PREFIX
						+ "-%'")) {
					rs.next();
					stored = rs.getInt(1);
					window = rs.getLong(2) / 1e6;
				}
				try (ResultSet rs = st.executeQuery("SELECT reader_tenant, source_key FROM message WHERE source = 'OSCI' "
						+ "AND reader_tenant LIKE '" + MAIN_PREFIX + "-%'")) {
					while (rs.next()) {
						storedKeys.add(rs.getString(1) + " " + rs.getString(2));
					}
				}
			}
			boolean exactlyOnce = stored == seeded.size() && storedKeys.equals(seeded);
			if (!exactlyOnce) {
				problems.add("concurrency " + concurrency + ": " + stored + " rows for " + seeded.size()
						+ " seeded deliveries, " + storedKeys.size() + " distinct; every delivery stored exactly once: no");
			}
			// The counter is incremented just after the commit that made the row visible.
			int expected = seeded.size() + warmUpTotal;
			DoubleSupplier received = () -> Actuator.metric(server, "xta_messages_received_total", Map.of("source", "osci"));
			try {
				await("xta_messages_received_total{source=\"osci\"} = " + expected).atMost(Duration.ofSeconds(15))
					.pollInterval(Duration.ofMillis(500))
					.until(() -> received.getAsDouble() >= expected);
			}
			catch (ConditionTimeoutException ex) {
				// reported below
			}
			double metric = received.getAsDouble();
			if (metric != expected) {
				problems.add("concurrency " + concurrency + ": xta_messages_received_total{source=\"osci\"} = " + metric
						+ ", expected " + expected + " (warm-up included)");
			}
			return new Ours(seeded.size(), stored, window, wall, requestsDuring, serverCpu, databaseCpu, ownCpu, busy,
					exactlyOnce, metric, problems);
		}
	}

	// ------------------------------------------------------------------ seeding

	/**
	 * Seeds {@code perTenant} deliveries for each tenant, with {@code contents} from {@code offset} on,
	 * so that every simulator of the run holds the same bytes for the same tenant.
	 * @return {@code tenant id + " " + OSCI message id} of each
	 */
	private static Set<String> seed(OsciSimulator simulator, List<OsciBenchmarkTenants.Tenant> tenants, int perTenant,
			List<byte[]> contents, int offset) {
		Set<String> seeded = new HashSet<>();
		for (int t = 0; t < tenants.size(); t++) {
			OsciBenchmarkTenants.Tenant tenant = tenants.get(t);
			for (int i = 0; i < perTenant; i++) {
				byte[] content = contents.get(offset + t * perTenant + i);
				seeded.add(tenant.id() + " "
						+ simulator.seedDelivery(tenant.osci().certificate(), "Antrag " + (i + 1), content).wire());
			}
		}
		return seeded;
	}

	/** End-to-end encrypted content packages (XML Encryption for a reader key the server never sees). */
	private static List<byte[]> encryptedContents(int count) throws Exception {
		KeyPair reader = ReaderEncryption.readerKey();
		return IntStream.range(0, count).parallel().mapToObj((n) -> {
			try {
				String text = randomText(PLAINTEXT_BYTES, new SecureRandom());
				return ReaderEncryption.bytes(ReaderEncryption.encrypt(
						"<Antrag xmlns=\"urn:test:hzl\"><Nummer>" + n + "</Nummer><Begruendung>" + text
								+ "</Begruendung></Antrag>", reader));
			}
			catch (Exception ex) {
				throw new IllegalStateException("cannot encrypt benchmark content", ex);
			}
		}).toList();
	}

	private static String randomText(int length, SecureRandom random) {
		String letters = "abcdefghijklmnopqrstuvwxyz ";
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(letters.charAt(random.nextInt(letters.length())));
		}
		return text.toString();
	}

	// ------------------------------------------------------------------ database

	private static int stored(int dbPort, String prefix) {
		try (Connection db = database(dbPort); Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM message WHERE source = 'OSCI' AND reader_tenant LIKE '"
						+ prefix + "-%'")) {
			rs.next();
			return rs.getInt(1);
		}
		catch (SQLException ex) {
			return 0;
		}
	}

	private static Connection database(int port) throws SQLException {
		return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/xta", "root", "");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ------------------------------------------------------------------ output

	private record Row(int concurrency, Baseline baseline, Ours ours) {

		double ratio() {
			double base = this.baseline.run().rate();
			return base <= 0 ? 0 : this.ours.rate() / base;
		}

		String label() {
			return this.concurrency == DEFAULT_CONCURRENCY ? this.concurrency + " (default)" : Integer.toString(this.concurrency);
		}
	}

	private static void write(List<Row> rows, double meanContentBytes, List<String> problems) {
		BenchmarkOutput out = BenchmarkOutput.current();
		int deliveries = TENANTS * PER_TENANT;
		List<List<?>> csv = new ArrayList<>();
		List<List<?>> targets = new ArrayList<>();
		for (Row row : rows) {
			Ours o = row.ours();
			Baseline b = row.baseline();
			csv.add(List.of(row.concurrency(), TENANTS, deliveries, f0(meanContentBytes), f1(o.rate()),
					f1(b.run().rate()), f2(row.ratio()), o.stored(), f1(o.windowSeconds()), f1(o.wallSeconds()),
					b.run().fetched().size(), f1((b.run().lastNanos() - b.run().firstNanos()) / 1e9),
					f1(b.run().wallNanos() / 1e9), f2(perDelivery(o.requests(), o.stored())),
					f2(perDelivery(b.requests(), b.run().fetched().size())), f1(msPerDelivery(o.serverCpu(), o.stored())),
					f1(msPerDelivery(o.databaseCpu(), o.stored())), f1(msPerDelivery(o.simulatorJvmCpu(), o.stored())),
					f1(msPerDelivery(b.jvmCpu(), b.run().fetched().size())), f0(o.machineBusyPercent()),
					f0(b.machineBusyPercent()), o.exactlyOnce(), f0(o.receivedMetric())));
			targets.add(List.of("OSCI fetch, " + TENANTS + " tenants, concurrency " + row.label() + ": deliveries stored/s",
					f1(o.rate()), f1(b.run().rate()), f2(row.ratio()), "n.a.", "n.a."));
		}
		out.writeCsv(ID, List.of("concurrency", "tenants", "deliveries", "content_bytes_mean", "ours_msg_per_s",
				"baseline_msg_per_s", "ratio", "ours_stored", "ours_window_s", "ours_files_to_all_stored_s",
				"baseline_fetched", "baseline_window_s", "baseline_wall_s", "ours_osci_requests_per_delivery",
				"baseline_osci_requests_per_delivery", "ours_server_jvm_cpu_ms_per_delivery",
				"ours_mariadb_cpu_ms_per_delivery", "ours_simulator_jvm_cpu_ms_per_delivery",
				"baseline_jvm_cpu_ms_per_delivery", "ours_machine_busy_pct", "baseline_machine_busy_pct",
				"ours_exactly_once", "ours_xta_messages_received_total_incl_warm_up"), csv);
		out.writeCsv(ID + ".targets", List.of("figure", "ours", "baseline", "ratio", "target", "met"), targets);
		out.writeSection(ID, section(rows, meanContentBytes, problems));
	}

	private static String section(List<Row> rows, double meanContentBytes, List<String> problems) {
		int deliveries = TENANTS * PER_TENANT;
		StringBuilder md = new StringBuilder();
		md.append("## OSCI fetch throughput (").append(TENANTS).append(" tenants)\n\n");
		md.append("""
				%d tenants, each with its own OSCI identity (RSA 2048) and a tenant file whose `osci` section points \
				at one OSCI simulator (in the benchmark JVM, HTTP on the loopback) with `fetchInterval: %ds` (the \
				smallest allowed); %d deliveries per tenant, %,d in all, each an end-to-end encrypted ContentPackage \
				(XML Encryption, AES-256-GCM, RSA-OAEP) of %,.0f bytes on average.

				* **Ours**: the server (demo profile, embedded MariaDB, `-Xmx512m`, `xta.osci.jitter=PT1S`, tenant \
				reload every second) fetches and stores everything. The tenant files are written into its running \
				tenant folder after a warm-up (%d other tenants × %d deliveries, removed again). Rate = (stored − 1) \
				/ (last − first `accepted_at` in the database); every delivery is then checked to be stored exactly \
				once (tenant and OSCI message id).
				* **Baseline**: the simulator's own serving rate, alone: osci-fetcher's `Osci12PostboxClient` in the \
				benchmark JVM runs the server's dialog for every tenant (InitDialog, two process card listings, \
				FetchDelivery per card, ExitDialog) with the same credentials and the same number of parallel \
				dialogs against a separately seeded simulator holding the same bytes, after the same warm-up, and \
				stores nothing. Same rate definition (first to last delivery received).
				* No target in the issue: the ratio is reported, target n.a.

				""".formatted(TENANTS, FETCH_INTERVAL.toSeconds(), PER_TENANT, deliveries, meanContentBytes,
				WARM_UP_TENANTS, WARM_UP_PER_TENANT));
		md.append("| concurrency (`xta.osci.concurrency`) | ours: stored/s | baseline: served/s | ratio | target "
				+ "| ours: files written → all stored | OSCI requests per delivery (ours / baseline) "
				+ "| CPU ms per delivery, ours: server JVM + MariaDB + benchmark JVM (simulator) "
				+ "| CPU ms per delivery, baseline: benchmark JVM (client + simulator) "
				+ "| machine busy (ours / baseline) | stored exactly once |\n");
		md.append("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---|\n");
		for (Row row : rows) {
			Ours o = row.ours();
			Baseline b = row.baseline();
			md.append("| ").append(row.label())
				.append(" | ").append(f1(o.rate()))
				.append(" | ").append(f1(b.run().rate()))
				.append(" | ").append(f2(row.ratio()))
				.append(" | n.a. | ").append(f1(o.wallSeconds())).append(" s")
				.append(" | ").append(f2(perDelivery(o.requests(), o.stored()))).append(" / ")
				.append(f2(perDelivery(b.requests(), b.run().fetched().size())))
				.append(" | ").append(f1(msPerDelivery(o.serverCpu(), o.stored()))).append(" + ")
				.append(f1(msPerDelivery(o.databaseCpu(), o.stored()))).append(" + ")
				.append(f1(msPerDelivery(o.simulatorJvmCpu(), o.stored())))
				.append(" | ").append(f1(msPerDelivery(b.jvmCpu(), b.run().fetched().size())))
				.append(" | ").append(f0(o.machineBusyPercent())).append(" % / ").append(f0(b.machineBusyPercent()))
				.append(" % | ").append(o.exactlyOnce() ? "yes" : "**no**")
				.append(" (").append(o.stored()).append(" of ").append(o.seeded()).append(") |\n");
		}
		if (!rows.isEmpty()) {
			md.append('\n').append(limits(rows)).append('\n');
		}
		if (!problems.isEmpty()) {
			// The first line only: a failed start carries the server log's tail, which is in the log file.
			md.append("\n**Problems in this run:**\n\n");
			problems.forEach((p) -> md.append("* ").append(p.lines().findFirst().orElse("")).append('\n'));
		}
		return md.toString();
	}

	/** What the figures of this run say about the limit of the rate. */
	private static String limits(List<Row> rows) {
		List<String> findings = new ArrayList<>();
		for (Row row : rows) {
			Ours o = row.ours();
			double cpuSeconds = Stream.of(o.serverCpu(), o.databaseCpu(), o.simulatorJvmCpu())
				.mapToDouble((d) -> d.toMillis() / 1000.0)
				.sum();
			double coresUsed = o.wallSeconds() > 0 ? cpuSeconds / o.wallSeconds() : 0;
			int cores = Runtime.getRuntime().availableProcessors();
			double ownShare = 100.0 * coresUsed / cores;
			String saturation = "";
			if (o.machineBusyPercent() >= 90) {
				saturation = o.machineBusyPercent() - ownShare > 20
						? String.format(Locale.ROOT, " (the cores were saturated, %.0f points of it by other work on the machine)",
								o.machineBusyPercent() - ownShare)
						: " (the cores were saturated by these processes: CPU-bound)";
			}
			findings.add(String.format(Locale.ROOT,
					"concurrency %s: server, MariaDB and simulator together used %.2f of the %d cores (%.0f %%) while the "
							+ "machine was %.0f %% busy%s",
					row.label(), coresUsed, cores, ownShare, o.machineBusyPercent(), saturation));
		}
		if (rows.size() >= 2) {
			Row first = rows.get(0);
			Row more = rows.get(rows.size() - 1);
			double gain = first.ours().rate() > 0 ? more.ours().rate() / first.ours().rate() : 0;
			findings.add(String.format(Locale.ROOT, "%s parallel dialogs instead of %s changed our rate by a factor of "
					+ "%.2f%s", more.label(), first.label(), gain,
					gain < 1.15 ? ", so the fetcher's concurrency is not what limits it here"
							: ", so more parallel dialogs help here"));
		}
		double extra = rows.stream()
			.mapToDouble((r) -> perDelivery(r.ours().requests(), r.ours().stored())
					- perDelivery(r.baseline().requests(), r.baseline().run().fetched().size()))
			.max()
			.orElse(0);
		if (extra > 0.05) {
			findings.add(String.format(Locale.ROOT, "up to %.2f more OSCI requests per delivery than the baseline: "
					+ "tenants already fetched are polled again every %d s (+ up to 1 s jitter) while others still wait",
					extra, FETCH_INTERVAL.toSeconds()));
		}
		return "What limits the rate in this run: " + String.join("; ", findings) + ". The CPU figures are the "
				+ "processes' own CPU time during the measurement; \"machine busy\" includes everything else running "
				+ "on the machine at the time.";
	}

	private static double perDelivery(long count, int deliveries) {
		return deliveries == 0 ? 0 : (double) count / deliveries;
	}

	private static double msPerDelivery(Duration cpu, int deliveries) {
		return deliveries == 0 ? 0 : (double) cpu.toMillis() / deliveries;
	}

	private static String f0(double value) {
		return String.format(Locale.ROOT, "%.0f", value);
	}

	private static String f1(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private static String f2(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
