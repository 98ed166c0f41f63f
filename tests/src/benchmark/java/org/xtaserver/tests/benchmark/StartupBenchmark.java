package org.xtaserver.tests.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xtaserver.osci.simulator.OsciSimulator;
import org.xtaserver.osci.simulator.TestPki;
import org.xtaserver.tenant.pki.CertificateAuthority;
import org.xtaserver.tenant.pki.Validity;
import org.xtaserver.tests.support.Actuator;
import org.xtaserver.tests.support.XtaServer;

/**
 * Start-up time and resident memory (section {@code startup}) with 200 tenants configured, each
 * with a postbox, a specialist procedure's client certificate and an {@code osci} section, against
 * the same server with one such tenant (the baseline). Each configuration is started three times on
 * its own working directory, alternating between the two so that other load on the machine hits
 * both alike; the first start also creates the demo key material and the database and is reported
 * on its own.
 */
class StartupBenchmark {

	static final String ID = "startup";

	private static final boolean QUICK = Boolean.getBoolean("xta.benchmark.quick");

	private static final int TENANTS = QUICK ? 20 : 200;

	private static final int STARTS = QUICK ? 2 : 3;

	/** How long the server idles after the last start before memory is read again. */
	private static final Duration IDLE = QUICK ? Duration.ofSeconds(10) : Duration.ofSeconds(60);

	private static final Duration IDLE_SAMPLE = Duration.ofSeconds(5);

	/** Relative to the server's working directory (its current directory). */
	private static final String TENANTS_DIRECTORY = "benchmark-tenants";

	private static final String HEAP = "-Xmx512m";

	private static final Pattern STARTED = Pattern
		.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	@Test
	// Six server starts and the idle periods take longer than the default 5 minutes.
	@Timeout(value = 30, unit = TimeUnit.MINUTES)
	void startupTimeAndMemoryWith200TenantsAgainstOne() throws Exception {
		List<Sample> samples = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		try (OsciSimulator simulator = OsciSimulator.startWithTestKeys(Clock.systemUTC())) {
			CertificateAuthority clientCa = CertificateAuthority.createRoot(
					"CN=XTA Benchmark Client CA,O=XTA Server Benchmark,C=DE",
					Validity.starting(Clock.systemUTC(), Duration.ofDays(365)), TestPki.rsa(new SecureRandom()));
			List<OsciBenchmarkTenants.Tenant> many = OsciBenchmarkTenants
				.withClients(OsciBenchmarkTenants.withOsci("startup", TENANTS), clientCa);
			List<Config> configs = List.of(new Config(1, many.subList(0, 1)), new Config(TENANTS, many));
			List<XtaServer> servers = new ArrayList<>();
			try {
				for (Config config : configs) {
					// The fetcher polls the simulator as in production: default interval and jitter.
					XtaServer server = XtaServer.builder("bench-startup-" + config.tenants())
						.jvmArgs(HEAP)
						.args("--xta.tenants.directory=" + TENANTS_DIRECTORY)
						.build();
					OsciBenchmarkTenants.write(server.workingDirectory().resolve(TENANTS_DIRECTORY), config.list(),
							simulator, null);
					servers.add(server);
				}
				for (int start = 1; start <= STARTS; start++) {
					for (int c = 0; c < configs.size(); c++) {
						try {
							samples.add(measure(servers.get(c), configs.get(c).tenants(), start, start == STARTS, problems));
						}
						catch (RuntimeException | IOException ex) {
							// The other starts are still measured; the failure is reported with the results.
							problems.add(servers.get(c).name() + " start " + start + ": "
									+ String.valueOf(ex).lines().findFirst().orElse(""));
							servers.get(c).close();
						}
					}
				}
			}
			finally {
				servers.forEach(XtaServer::close);
			}
		}

		write(samples, problems);

		assertThat(problems).as("problems of the start-up benchmark").isEmpty();
		assertThat(samples).hasSize(2 * STARTS).allSatisfy((s) -> {
			assertThat(s.readinessSeconds()).isPositive();
			assertThat(s.jvmRssKib()).isPositive();
			assertThat(s.databaseRssKib()).as("RSS of the embedded MariaDB").isPositive();
		});
	}

	private record Config(int tenants, List<OsciBenchmarkTenants.Tenant> list) {
	}

	/**
	 * One start.
	 * @param springStartedSeconds the "Started ... in X seconds" figure of the log, or -1
	 * @param jvmUptimeAtStartedSeconds its "process running for Y", or -1
	 * @param idleSeconds 0 where the idle figures were not measured
	 * @param jvmRssIdleMaxKib the highest JVM RSS seen while idling
	 */
	private record Sample(int tenants, int start, double readinessSeconds, double springStartedSeconds,
			double jvmUptimeAtStartedSeconds, long jvmRssKib, long databaseRssKib, double heapUsedBytes,
			double idleSeconds, long jvmRssIdleKib, long jvmRssIdleMaxKib, long databaseRssIdleKib,
			double heapUsedIdleBytes, double liveHeapBytes, int loadedTenants, double load) {
	}

	private static Sample measure(XtaServer server, int tenants, int start, boolean idle, List<String> problems)
			throws IOException {
		double load = OsciBenchmarkProcesses.loadAverage();
		long begin = System.nanoTime();
		server.start();
		double readiness = (System.nanoTime() - begin) / 1e9;
		double[] started = springStarted(server);
		ProcessHandle jvm = server.processHandle();
		long jvmRss = OsciBenchmarkProcesses.rssKib(jvm.pid());
		long dbRss = OsciBenchmarkProcesses.rssKib(jvm.descendants().toList());
		double heap = Actuator.metric(server, "jvm_memory_used_bytes", Map.of("area", "heap"));
		int loaded = (int) Math.round(Actuator.metric(server, "xta_tenants", Map.of()));
		double idleSeconds = 0;
		long jvmRssIdle = 0;
		long[] jvmRssIdleMax = { jvmRss };
		long dbRssIdle = 0;
		double heapIdle = 0;
		if (idle) {
			// A measurement period, not a synchronisation: RSS is sampled while the server idles.
			long idleBegin = System.nanoTime();
			await("idle period of " + server.name()).atMost(IDLE.plusSeconds(30))
				.pollDelay(IDLE_SAMPLE)
				.pollInterval(IDLE_SAMPLE)
				.until(() -> {
					jvmRssIdleMax[0] = Math.max(jvmRssIdleMax[0], OsciBenchmarkProcesses.rssKib(jvm.pid()));
					return System.nanoTime() - idleBegin >= IDLE.toNanos();
				});
			idleSeconds = (System.nanoTime() - idleBegin) / 1e9;
			jvmRssIdle = OsciBenchmarkProcesses.rssKib(jvm.pid());
			dbRssIdle = OsciBenchmarkProcesses.rssKib(jvm.descendants().toList());
			heapIdle = Actuator.metric(server, "jvm_memory_used_bytes", Map.of("area", "heap"));
			jvmRssIdleMax[0] = Math.max(jvmRssIdleMax[0], jvmRssIdle);
		}
		// Last, as it disturbs what it measures: the live set after a full collection is a steadier
		// figure than the heap used at a random point between two collections.
		double liveHeap = OsciBenchmarkProcesses.fullGc(jvm.pid())
				? Actuator.metric(server, "jvm_memory_used_bytes", Map.of("area", "heap")) : -1;
		if (liveHeap < 0) {
			problems.add(server.name() + " start " + start + ": jcmd GC.run failed, no live heap figure");
		}
		if (loaded != tenants) {
			problems.add(server.name() + " start " + start + ": " + loaded + " tenants in force (xta_tenants), expected "
					+ tenants);
		}
		List<ProcessHandle> left = server.stop();
		if (!left.isEmpty()) {
			problems.add(server.name() + " start " + start + ": processes left after stop: " + left);
		}
		return new Sample(tenants, start, readiness, started[0], started[1], jvmRss, dbRss, heap, idleSeconds,
				jvmRssIdle, jvmRssIdleMax[0], dbRssIdle, heapIdle, liveHeap, loaded, load);
	}

	/** "Started XtaServerApplication in X seconds (process running for Y)" of the latest start, or -1s. */
	private static double[] springStarted(XtaServer server) throws IOException {
		String log = Files.readString(server.logFile(), StandardCharsets.UTF_8);
		int latest = log.lastIndexOf("===== xta-server harness: start #");
		Matcher m = STARTED.matcher(latest < 0 ? log : log.substring(latest));
		return m.find() ? new double[] { Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)) }
				: new double[] { -1, -1 };
	}

	// ------------------------------------------------------------------ output

	private static void write(List<Sample> samples, List<String> problems) {
		BenchmarkOutput out = BenchmarkOutput.current();
		List<List<?>> csv = new ArrayList<>();
		for (Sample s : samples) {
			csv.add(List.of(s.tenants(), s.start(), s.start() == 1, f1(s.readinessSeconds()), f1(s.springStartedSeconds()),
					f1(s.jvmUptimeAtStartedSeconds()), f0(mib(s.jvmRssKib())), f0(mib(s.databaseRssKib())),
					f0(s.heapUsedBytes() / 1048576), f0(s.idleSeconds()), s.idleSeconds() > 0 ? f0(mib(s.jvmRssIdleKib())) : "",
					s.idleSeconds() > 0 ? f0(mib(s.jvmRssIdleMaxKib())) : "",
					s.idleSeconds() > 0 ? f0(mib(s.databaseRssIdleKib())) : "",
					s.idleSeconds() > 0 ? f0(s.heapUsedIdleBytes() / 1048576) : "", f0(s.liveHeapBytes() / 1048576),
					s.loadedTenants(), f2(s.load())));
		}
		out.writeCsv(ID, List.of("tenants", "start", "first_start", "readiness_s", "spring_started_s",
				"jvm_uptime_at_started_s", "jvm_rss_mib", "mariadb_rss_mib", "heap_used_mib", "idle_s",
				"jvm_rss_idle_mib", "jvm_rss_idle_max_mib", "mariadb_rss_idle_mib", "heap_used_idle_mib",
				"live_heap_after_full_gc_mib", "tenants_loaded", "load_average_1m_before"), csv);

		List<Figure> figures = figures(samples);
		List<List<?>> targets = new ArrayList<>();
		for (Figure f : figures) {
			targets.add(List.of(f.name() + " (" + TENANTS + " vs 1 tenant)", f.format(f.many()), f.format(f.one()),
					f2(f.ratio()), "n.a.", "n.a."));
		}
		out.writeCsv(ID + ".targets", List.of("figure", "ours", "baseline", "ratio", "target", "met"), targets);
		out.writeSection(ID, section(samples, figures, problems));
	}

	/** One compared figure: {@code many} tenants against one. */
	private record Figure(String name, String unit, double one, double many) {

		double ratio() {
			return this.one <= 0 ? 0 : this.many / this.one;
		}

		String format(double value) {
			return "s".equals(this.unit) ? f1(value) : f0(value);
		}
	}

	private static List<Figure> figures(List<Sample> samples) {
		List<Figure> figures = new ArrayList<>();
		String later = STARTS == 2 ? "second start" : "later starts, mean of " + (STARTS - 1);
		figures.add(figure(samples, "Start-up to readiness UP, first start (creates demo keys and database), s", "s",
				true, false, Sample::readinessSeconds));
		figures.add(figure(samples, "Start-up to readiness UP, " + later + ", s", "s", false, false,
				Sample::readinessSeconds));
		figures.add(figure(samples, "Spring \"Started ... in\", " + later + ", s", "s", false, false,
				Sample::springStartedSeconds));
		figures.add(figure(samples, "Server JVM RSS after readiness, " + later + ", MiB", "MiB", false, false,
				(s) -> mib(s.jvmRssKib())));
		figures.add(figure(samples, "MariaDB RSS after readiness, " + later + ", MiB", "MiB", false, false,
				(s) -> mib(s.databaseRssKib())));
		figures.add(figure(samples, "JVM heap used after readiness, " + later + ", MiB", "MiB", false, false,
				(s) -> s.heapUsedBytes() / 1048576));
		String idle = "after " + IDLE.toSeconds() + " s idle";
		figures.add(figure(samples, "Server JVM RSS " + idle + ", MiB", "MiB", false, true,
				(s) -> mib(s.jvmRssIdleKib())));
		figures.add(figure(samples, "MariaDB RSS " + idle + ", MiB", "MiB", false, true,
				(s) -> mib(s.databaseRssIdleKib())));
		figures.add(figure(samples, "JVM heap used " + idle + ", MiB", "MiB", false, true,
				(s) -> s.heapUsedIdleBytes() / 1048576));
		figures.add(figure(samples, "JVM live heap after a full GC at the end of the start, " + later + ", MiB",
				"MiB", false, false, (s) -> s.liveHeapBytes() / 1048576));
		return figures;
	}

	private static Figure figure(List<Sample> samples, String name, String unit, boolean first, boolean idle,
			ToDoubleFunction<Sample> value) {
		return new Figure(name, unit, mean(samples, 1, first, idle, value), mean(samples, TENANTS, first, idle, value));
	}

	private static double mean(List<Sample> samples, int tenants, boolean first, boolean idle,
			ToDoubleFunction<Sample> value) {
		OptionalDouble mean = samples.stream()
			.filter((s) -> s.tenants() == tenants && (s.start() == 1) == first && (!idle || s.idleSeconds() > 0))
			.mapToDouble(value)
			.average();
		return mean.orElse(0);
	}

	private static String section(List<Sample> samples, List<Figure> figures, List<String> problems) {
		StringBuilder md = new StringBuilder();
		md.append("## Start-up time and resident memory (").append(TENANTS).append(" tenants)\n\n");
		md.append("""
				The server (demo profile, embedded MariaDB, `%s`) with a tenant folder of %d generated tenants, each \
				with a postbox offering a service with its encryption certificate, a specialist procedure pinned by a \
				client certificate file, and an `osci` section (own RSA 2048 key, default fetch interval and jitter) \
				pointing at an OSCI simulator that answers the fetcher while the server runs; against the same server \
				with one such tenant (the baseline). Each configuration was started %d times on its own working \
				directory, alternating between them; the first start also creates the demo key material and the \
				database. Start-up = from launching the JVM until `/actuator/health/readiness` answered UP (polled \
				every 0.5 s); \"Started ... in\" is Spring's own figure from the log. RSS = `VmRSS` of \
				`/proc/<pid>/status` for the server JVM and, separately, its embedded MariaDB; heap used = \
				`jvm_memory_used_bytes{area="heap"}`, and the live heap the same after `jcmd <pid> GC.run`, read last \
				(after the idle figures where there are any). The idle figures were read %d s after readiness of the last start \
				(the fetcher's first rounds for every tenant fall into that time). Start-up times depend on whatever \
				else runs on the machine: the load average before each start is in the last column below. No target \
				in the issue: target n.a.

				""".formatted(HEAP, TENANTS, STARTS, IDLE.toSeconds()));
		md.append("| figure | ").append(TENANTS).append(" tenants | 1 tenant (baseline) | ratio ").append(TENANTS)
			.append("/1 | target |\n|---|---:|---:|---:|---|\n");
		for (Figure f : figures) {
			md.append("| ").append(f.name()).append(" | ").append(f.format(f.many())).append(" | ")
				.append(f.format(f.one())).append(" | ").append(f2(f.ratio())).append(" | n.a. |\n");
		}
		md.append("\nEvery start:\n\n| tenants | start | readiness UP, s | Spring \"Started in\", s | JVM RSS, MiB "
				+ "| MariaDB RSS, MiB | heap used, MiB | live heap after full GC, MiB | tenants loaded "
				+ "| load average before |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Sample s : samples) {
			md.append("| ").append(s.tenants()).append(" | ").append(s.start()).append(s.start() == 1 ? " (first)" : "")
				.append(" | ").append(f1(s.readinessSeconds())).append(" | ").append(f1(s.springStartedSeconds()))
				.append(" | ").append(f0(mib(s.jvmRssKib()))).append(" | ").append(f0(mib(s.databaseRssKib())))
				.append(" | ").append(f0(s.heapUsedBytes() / 1048576)).append(" | ")
				.append(f0(s.liveHeapBytes() / 1048576)).append(" | ").append(s.loadedTenants())
				.append(" | ").append(f2(s.load())).append(" |\n");
		}
		if (!problems.isEmpty()) {
			md.append("\n**Problems in this run:**\n\n");
			problems.forEach((p) -> md.append("* ").append(p).append('\n'));
		}
		return md.toString();
	}

	private static double mib(long kib) {
		return OsciBenchmarkProcesses.mib(kib);
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
