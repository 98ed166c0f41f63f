package org.xtaserver.tests.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xtaserver.tests.benchmark.SoakSeries.Rule;
import org.xtaserver.tests.support.XtaServer;

/**
 * Issue 6: a short soak. The server ({@code -Xmx512m}, demo profile) is kept under a steady load
 * of {@link SoakLoad} for 10 minutes (quick mode: 90 s) after a warm-up; every 10 s its heap
 * (as found, and live after a forced full GC), threads, database connections, open files, sockets
 * and resident memory are sampled. None of them may grow: the criteria are in {@link SoakSeries}
 * and, with their tolerances, in the section written to docs/benchmarks.md.
 */
class SoakBenchmark {

	static final String ID = "soak";

	static final boolean QUICK = Boolean.getBoolean("xta.benchmark.quick");

	static final Duration WINDOW = QUICK ? Duration.ofSeconds(90) : Duration.ofMinutes(10);

	/** Load before the window opens: JIT, pools and caches fill up first and are not "growth". */
	static final Duration WARM_UP = QUICK ? Duration.ofSeconds(15) : Duration.ofSeconds(45);

	static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);

	static final int CLIENTS = 4;

	/** Pause of each client after each round trip: a steady rate well below what the server can take. */
	static final Duration PAUSE = Duration.ofMillis(250);

	static final String HEAP = "-Xmx512m";

	/**
	 * The whole heap committed and touched at start: otherwise resident memory rises whenever G1
	 * enlarges the young generation (it did by 60 MiB within 90 s as the rate picked up), which
	 * says nothing about a leak. So resident memory shows what else grows: native memory,
	 * metaspace, code, thread stacks.
	 */
	static final List<String> JVM_ARGS = List.of(HEAP, "-Xms512m", "-XX:+AlwaysPreTouch");

	@Test
	@Timeout(value = 30, unit = TimeUnit.MINUTES)
	void heapThreadsConnectionsAndOpenFilesDoNotGrowUnderTenMinutesOfSteadyLoad() throws Exception {
		List<SoakSample> samples = new CopyOnWriteArrayList<>();
		List<Long> windowLatencies = Collections.synchronizedList(new ArrayList<>());
		Throwable failure = null;
		List<String> failureTexts = List.of();
		XtaServer server = XtaServer.builder("bench-soak").jvmArgs(JVM_ARGS.toArray(String[]::new)).build();
		try {
			server.start();
			SoakProbe probe = new SoakProbe(server);
			try (SoakLoad load = SoakLoad.start(server, CLIENTS, PAUSE)) {
				try {
					sample(server, probe, load, samples, windowLatencies);
				}
				finally {
					failureTexts = load.failureTexts();
				}
			}
		}
		catch (Exception | AssertionError ex) {
			failure = ex;
		}
		finally {
			try {
				writeResults(samples, windowLatencies, failure, failureTexts);
			}
			finally {
				server.close();
			}
		}

		assertThat(failure).as("soak sampling").isNull();
		assertThat(samples).as("samples").hasSizeGreaterThanOrEqualTo(sampleCount());
		assertThat(failureTexts).as("failed round trips during the soak").isEmpty();
		assertThat(samples.get(samples.size() - 1).failures()).as("failed round trips during the soak").isZero();
		for (SoakSeries series : series(samples)) {
			if (!series.judged()) {
				continue;
			}
			assertThat(series.met())
				.as("%s does not grow: %s; measured %s, limit %s", series.name(), series.criterion(),
						SoakSample.format(series.measure(), 1), SoakSample.format(series.limit(), 1))
				.isTrue();
		}
	}

	private static int sampleCount() {
		return (int) (WINDOW.toSeconds() / SAMPLE_EVERY.toSeconds()) + 1;
	}

	/** Takes the samples of the window, every {@link #SAMPLE_EVERY}, after the warm-up. */
	private static void sample(XtaServer server, SoakProbe probe, SoakLoad load, List<SoakSample> samples,
			List<Long> windowLatencies) throws Exception {
		CompletableFuture<Void> done = new CompletableFuture<>();
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		Window window = new Window();
		try {
			sampler.scheduleAtFixedRate(() -> {
				try {
					if (!server.isRunning()) {
						throw new IllegalStateException(server.describe("died during the soak"));
					}
					samples.add(window.sample(System.nanoTime(), load, probe.read(), windowLatencies));
					if (samples.size() >= sampleCount()) {
						done.complete(null);
					}
				}
				catch (RuntimeException | Error ex) {
					done.completeExceptionally(ex);
				}
			}, WARM_UP.toMillis(), SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
			done.get(WARM_UP.plus(WINDOW).plusMinutes(5).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("the soak took " + samples.size() + " of " + sampleCount()
					+ " samples in time", ex);
		}
		finally {
			sampler.shutdownNow();
			sampler.awaitTermination(1, TimeUnit.MINUTES);
		}
	}

	/** Where the window began and the previous sample was taken; used by the sampler thread only. */
	private static final class Window {

		private long startNanos = -1;

		private long startCompleted;

		private long previousNanos;

		private long previousCompleted;

		SoakSample sample(long now, SoakLoad load, SoakProbe.Reading reading, List<Long> windowLatencies) {
			long completed = load.completed();
			long[] latencies = load.drainLatencies();
			if (this.startNanos < 0) {
				// The window opens: what the warm-up did is not counted.
				this.startNanos = now;
				this.startCompleted = completed;
				this.previousNanos = now;
				this.previousCompleted = completed;
				latencies = new long[0];
			}
			Arrays.stream(latencies).forEach(windowLatencies::add);
			double interval = (now - this.previousNanos) / 1e9;
			double rate = (interval > 0) ? (completed - this.previousCompleted) / interval : Double.NaN;
			SoakSample sample = new SoakSample((now - this.startNanos) / 1e9, reading.heapUsedBytes(),
					reading.heapAfterGcBytes(), reading.liveDataBytes(), reading.threads(), reading.dbActive(),
					reading.dbIdle(), reading.dbTotal(), reading.openFiles(), reading.sockets(), reading.rssBytes(),
					completed - this.startCompleted, load.failed(), rate, percentile(latencies, 0.50),
					percentile(latencies, 0.99));
			this.previousNanos = now;
			this.previousCompleted = completed;
			return sample;
		}
	}

	/** The series judged, with their rules; heap and RSS in MiB. */
	static List<SoakSeries> series(List<SoakSample> samples) {
		return List.of(
				SoakSeries.of("live heap after forced full GC (MiB)", samples,
						(s) -> mibOrMissing(s.heapAfterGcBytes()), Rule.TREND, 0.10, 8),
				SoakSeries.of("jvm_gc_live_data_size after that GC (MiB)", samples,
						(s) -> mibOrMissing(s.liveDataBytes()), Rule.TREND, 0.10, 8),
				SoakSeries.of("heap used, sampled before the GC (MiB)", samples,
						(s) -> mibOrMissing(s.heapUsedBytes()), Rule.REPORTED, 0, 0),
				SoakSeries.of("live threads", samples, SoakSample::threads, Rule.FIRST_THIRD_MAX, 0, 2),
				SoakSeries.of("database connections active", samples, SoakSample::dbActive, Rule.FIRST_THIRD_MAX,
						0, 2),
				SoakSeries.of("database connections total", samples, SoakSample::dbTotal, Rule.FIRST_THIRD_MAX, 0,
						1),
				SoakSeries.of("open files", samples, SoakSample::openFiles, Rule.FIRST_THIRD_MAX, 0, 5),
				SoakSeries.of("sockets", samples, SoakSample::sockets, Rule.FIRST_THIRD_MAX, 0, 5),
				SoakSeries.of("resident memory of the server JVM (MiB)", samples,
						(s) -> mibOrMissing(s.rssBytes()), Rule.FIRST_THIRD_MAX, 0.05, 32));
	}

	private void writeResults(List<SoakSample> samples, List<Long> windowLatencies, Throwable failure,
			List<String> failureTexts) {
		BenchmarkOutput output = BenchmarkOutput.current();
		output.writeCsv("soak-samples", SoakSample.HEADER,
				samples.stream().<List<?>>map(SoakSample::csvRow).toList());

		List<SoakSeries> series = series(samples);
		List<List<?>> summary = new ArrayList<>();
		List<List<?>> targets = new ArrayList<>();
		for (SoakSeries s : series) {
			summary.add(List.of(s.name(), f(s.firstThirdMedian()), f(s.firstThirdMax()), f(s.lastThirdMedian()),
					f(s.max()), f(s.growth()), f(s.trend()), s.criterion(), f(s.limit()),
					s.judged() ? s.met() : "n.a."));
			if (!s.judged()) {
				continue;
			}
			targets.add(List.of("Soak: " + s.name() + ", last-third median vs. first-third median",
					f(s.lastThirdMedian()), f(s.firstThirdMedian()),
					(s.firstThirdMedian() > 0)
							? String.format(Locale.ROOT, "%.2f", s.lastThirdMedian() / s.firstThirdMedian()) : "n.a.",
					"does not grow (" + s.criterion() + ")", s.met()));
		}
		output.writeCsv(ID,
				List.of("metric", "first_third_median", "first_third_max", "last_third_median", "max",
						"growth_last_minus_first_median", "trend_over_window", "criterion", "limit", "met"),
				summary);

		SoakSample last = samples.isEmpty() ? null : samples.get(samples.size() - 1);
		double seconds = (last == null) ? 0 : last.seconds();
		long roundTrips = (last == null) ? 0 : last.roundTrips();
		long failed = (last == null) ? 0 : last.failures();
		double rate = (seconds > 0) ? roundTrips / seconds : Double.NaN;
		long[] latencies = windowLatencies.stream().mapToLong(Long::longValue).toArray();
		targets.add(List.of("Soak: steady load, round trips per second (no round trip may fail)", f(rate), "n.a.",
				"n.a.", "0 failed round trips", last != null && failed == 0));
		output.writeCsv(ID + ".targets", List.of("figure", "ours", "baseline", "ratio", "target", "met"), targets);

		double[] times = samples.stream().mapToDouble(SoakSample::seconds).toArray();
		SoakChart.write(output.directory().resolve(ID + ".png"),
				"Soak: " + minutes() + " of steady load, " + CLIENTS + " clients, server " + String.join(" ", JVM_ARGS),
				times,
				List.of(panel("Heap", "MiB", Double.NaN,
						line("used, sampled", samples, (s) -> mibOrMissing(s.heapUsedBytes())),
						line("live after forced GC", samples, (s) -> mibOrMissing(s.heapAfterGcBytes()))),
						panel("Resident memory of the JVM", "MiB",
								limitOf(series, "resident memory of the server JVM (MiB)"),
								line("RSS", samples, (s) -> mibOrMissing(s.rssBytes()))),
						panel("Live threads", "count", limitOf(series, "live threads"),
								line("threads", samples, SoakSample::threads)),
						panel("Database connections", "count", limitOf(series, "database connections active"),
								line("active", samples, SoakSample::dbActive),
								line("idle", samples, SoakSample::dbIdle),
								line("total", samples, SoakSample::dbTotal)),
						panel("Open files", "count", limitOf(series, "open files"),
								line("open files", samples, SoakSample::openFiles)),
						panel("Sockets", "count", limitOf(series, "sockets"),
								line("sockets", samples, SoakSample::sockets)),
						panel("Throughput", "round trips/s", Double.NaN,
								line("round trips/s", samples, SoakSample::roundTripsPerSecond)),
						panel("Round-trip latency per interval", "ms", Double.NaN,
								line("p50", samples, SoakSample::p50Millis),
								line("p99", samples, SoakSample::p99Millis))));

		StringBuilder md = new StringBuilder();
		md.append("## Soak: ").append(minutes()).append(" of steady load\n\n");
		md.append("The server (`").append(String.join(" ", JVM_ARGS))
			.append("`, demo profile, embedded MariaDB; the heap is committed and touched at start so that ")
			.append("resident memory shows growth outside the heap) serves ").append(CLIENTS)
			.append(" clients, each repeating the XTA round trip (createMessageId, sendMessage with a ")
			.append(SoakLoad.CONTENT_BYTES / 1024)
			.append(" KiB attachment, getStatusList, getMessage with the content compared, close) with a pause of ")
			.append(PAUSE.toMillis())
			.append(" ms after each (a closed loop with think time: a steady load set by the clients, not the ")
			.append("server's limit). After ")
			.append(WARM_UP.toSeconds())
			.append(" s of warm-up, the window of ")
			.append(minutes())
			.append(" is sampled every ")
			.append(SAMPLE_EVERY.toSeconds())
			.append(" s: the management port's Prometheus metrics (heap, `jvm_threads_live_threads`, ")
			.append("`hikaricp_connections_*`, `process_files_open_files`), then a full GC forced with ")
			.append("`jcmd <pid> GC.run` and the heap again (the live heap; `jvm_gc_live_data_size_bytes` after it), ")
			.append("the JVM's sockets (`/proc/<pid>/fd`) and resident memory (`VmRSS`).\n\n");
		md.append(String.format(Locale.ROOT,
				"Load during the window: %d round trips in %.0f s = **%s round trips/s** (%s SOAP calls/s), "
						+ "%d failed; round-trip latency p50 %s ms, p99 %s ms; %d samples of the resources.\n\n",
				roundTrips, seconds, f(rate), f(rate * 5), failed, f(percentile(latencies, 0.50)),
				f(percentile(latencies, 0.99)), samples.size()));
		md.append("Criteria (\"does not grow\"): counts (threads, connections, files, sockets) pass when the median ")
			.append("of the last third of the window is not above the maximum of the first third plus a small ")
			.append("margin; resident memory likewise, with a margin of 5 % or 32 MiB, whichever is larger ")
			.append("(code cache and malloc arenas still fill after the warm-up); the live heap, whose samples ")
			.append("scatter, passes when the least-squares trend over the whole window rises by no more than 10 % of the ")
			.append("first-third median or 8 MiB, whichever is larger. The heap used as found before the GC is ")
			.append("shown, not judged: it says how full the young generation happened to be. In the summary ")
			.append("table \"ours\" is the last-third median, \"baseline\" the first-third median.\n\n");
		md.append("| metric | first third: median | first third: max | last third: median | max ")
			.append("| trend over the window | criterion | met |\n");
		md.append("|---|---:|---:|---:|---:|---:|---|---|\n");
		for (SoakSeries s : series) {
			md.append("| ").append(s.name()).append(" | ").append(f(s.firstThirdMedian())).append(" | ")
				.append(f(s.firstThirdMax())).append(" | ").append(f(s.lastThirdMedian())).append(" | ")
				.append(f(s.max())).append(" | ").append(f(s.trend())).append(" | ")
				.append(s.criterion())
				.append(s.judged() ? " (limit " + f(s.limit()) + ")" : "")
				.append(" | ")
				.append(!s.judged() ? "n.a." : s.met() ? "yes" : "**no**")
				.append(" |\n");
		}
		md.append("| failed round trips (warm-up included) | | | | ").append(failed)
			.append(" | | none | ")
			.append((last != null && failed == 0) ? "yes" : "**no**")
			.append(" |\n\n");
		// The report links the data files (soak-samples.csv: every sample; soak.csv: this table) below.
		md.append("![Soak: resources over time](benchmarks/").append(ID).append(".png)\n");
		if (!failureTexts.isEmpty()) {
			md.append("\nFirst failed round trips:\n\n");
			failureTexts.forEach((text) -> md.append("- `").append(text.replace('`', '\'')).append("`\n"));
		}
		if (failure != null) {
			String firstLine = String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
			md.append("\nThe soak did not complete: `").append(firstLine.replace('`', '\'')).append("`\n");
		}
		output.writeSection(ID, md.toString());
	}

	private static double limitOf(List<SoakSeries> series, String name) {
		return series.stream().filter((s) -> s.name().equals(name)).findFirst().orElseThrow().limit();
	}

	private static SoakChart.Panel panel(String title, String unit, double limit, SoakChart.Line... lines) {
		return new SoakChart.Panel(title, unit, List.of(lines), limit);
	}

	private static SoakChart.Line line(String label, List<SoakSample> samples,
			java.util.function.ToDoubleFunction<SoakSample> value) {
		return new SoakChart.Line(label, samples.stream().mapToDouble(value).toArray());
	}

	private static double mibOrMissing(long bytes) {
		return (bytes < 0) ? -1 : SoakSample.toMib(bytes);
	}

	private static String minutes() {
		long seconds = WINDOW.toSeconds();
		return (seconds % 60 == 0) ? (seconds / 60) + " minutes" : seconds + " s";
	}

	static double percentile(long[] nanos, double quantile) {
		if (nanos.length == 0) {
			return Double.NaN;
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	private static String f(double value) {
		return SoakSample.format(value, 1);
	}
}
