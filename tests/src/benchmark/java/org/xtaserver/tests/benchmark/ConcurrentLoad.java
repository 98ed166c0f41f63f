package org.xtaserver.tests.benchmark;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop load: one thread per client, each calling its own {@link Call} again and again
 * without pause. The warm-up is not measured. The measured period lasts at least its planned
 * length and, so that slow calls still yield figures, until as many calls ended in it as there
 * are clients (at most {@link #MAX_EXTENSION} times the planned length). Every call that ends
 * inside the period counts, with its whole latency; calls still running at its end are finished
 * but not counted. A failing call is counted as an error and its client goes on.
 */
final class ConcurrentLoad {

	/** The measured period is at most this many times its planned length. */
	static final int MAX_EXTENSION = 4;

	/** Waits this long for calls still running at the end of the period (CXF's receive timeout is 2 minutes). */
	private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

	/** One client's unit of work; used by one thread only. */
	@FunctionalInterface
	interface Call {

		void call() throws Exception;
	}

	/**
	 * What one configuration measured.
	 *
	 * @param clients concurrent clients
	 * @param seconds length of the measured period
	 * @param errors failed calls during warm-up and measurement
	 * @param errorKinds failed calls by exception type and message
	 * @param periods the measured periods as [start, end) pairs of System.nanoTime, for samples callers
	 * take themselves: one, or one per block of a {@link #combine combined} result
	 * @param latencies the latencies of the calls that ended inside the measured period
	 * @param cpu the CPU time each probed process used in the measured period ({@link ProcessCpu})
	 */
	record Result(int clients, double seconds, long errors, Map<String, Long> errorKinds, List<long[]> periods,
			LatencyRecorder.Percentiles latencies, Map<String, Duration> cpu) {

		/** Nothing measured: the configuration was aborted. */
		static Result none(int clients) {
			return new Result(clients, Double.NaN, 0, Map.of(), List.of(), LatencyRecorder.Percentiles.concat(List.of()),
					Map.of());
		}

		/**
		 * Blocks of one configuration measured apart (alternating with another load) as one result:
		 * their periods and calls added up, percentiles over all their calls.
		 */
		static Result combine(List<Result> blocks) {
			Map<String, Long> kinds = new TreeMap<>();
			blocks.forEach((block) -> block.errorKinds().forEach((kind, count) -> kinds.merge(kind, count, Long::sum)));
			return new Result(blocks.get(0).clients(), blocks.stream().mapToDouble(Result::seconds).sum(),
					blocks.stream().mapToLong(Result::errors).sum(), kinds,
					blocks.stream().flatMap((block) -> block.periods().stream()).toList(),
					LatencyRecorder.Percentiles.concat(blocks.stream().map(Result::latencies).toList()),
					blocks.stream().map(Result::cpu).reduce(Map.of(), ProcessCpu::plus));
		}

		/** Calls that ended inside the measured period. */
		long calls() {
			return this.latencies.count();
		}

		/** Median latency of those calls (NaN without any). */
		double p50Millis() {
			return this.latencies.millis(50);
		}

		/** 99th percentile latency of those calls (NaN without any). */
		double p99Millis() {
			return this.latencies.millis(99);
		}

		double perSecond() {
			return calls() / this.seconds;
		}

		/** CPU milliseconds per call that ended in the measured period, per probed process (NaN without calls). */
		double cpuMillisPerCall(String role) {
			Duration used = this.cpu.get(role);
			return (used == null || calls() == 0) ? Double.NaN : used.toNanos() / 1e6 / calls();
		}
	}

	private ConcurrentLoad() {
	}

	/**
	 * Runs {@code clients.size()} clients concurrently for {@code warmUp} plus (at least)
	 * {@code measured}; {@code cpu} is sampled when the measured period begins and when it ends.
	 */
	static Result run(String name, List<? extends Call> clients, Duration warmUp, Duration measured, ProcessCpu cpu) {
		int n = clients.size();
		AtomicInteger threadNumber = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(n,
				(task) -> new Thread(task, name + "-client-" + threadNumber.incrementAndGet()));
		List<LatencyRecorder> recorders = new ArrayList<>();
		Map<String, LongAdder> errors = new ConcurrentHashMap<>();
		LongAdder endedInPeriod = new LongAdder();
		long from = System.nanoTime() + warmUp.toNanos();
		AtomicBoolean stopped = new AtomicBoolean();
		long to;
		Map<String, Duration> cpuBefore;
		Map<String, Duration> cpuAfter;
		try {
			List<Future<?>> running = new ArrayList<>();
			for (Call client : clients) {
				LatencyRecorder recorder = new LatencyRecorder();
				recorders.add(recorder);
				running.add(threads.submit(() -> loop(client, recorder, errors, endedInPeriod, from, stopped)));
			}
			long planned = from + measured.toNanos();
			long latest = from + measured.toNanos() * MAX_EXTENSION;
			await(name + " warm-up").atMost(warmUp.plusMinutes(1))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(5))
				.until(() -> System.nanoTime() - from >= 0);
			cpuBefore = cpu.sample();
			await(name + " measured period").atMost(warmUp.plus(measured.multipliedBy(MAX_EXTENSION)).plusMinutes(1))
				.pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(20))
				.until(() -> {
					long now = System.nanoTime();
					return now - latest >= 0 || (now - planned >= 0 && endedInPeriod.sum() >= n);
				});
			to = System.nanoTime();
			cpuAfter = cpu.sample();
			stopped.set(true);
			long drainUntil = to + DRAIN_TIMEOUT.toNanos();
			for (Future<?> future : running) {
				future.get(Math.max(1, drainUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(name + ": clients did not finish within " + DRAIN_TIMEOUT
					+ " after the measured period", ex);
		}
		finally {
			threads.shutdownNow();
		}
		LatencyRecorder.Percentiles latencies = LatencyRecorder.merge(recorders, to);
		Map<String, Long> kinds = new TreeMap<>();
		errors.forEach((kind, count) -> kinds.put(kind, count.sum()));
		long errorCount = kinds.values().stream().mapToLong(Long::longValue).sum();
		return new Result(n, (to - from) / 1e9, errorCount, kinds, List.<long[]>of(new long[] { from, to }), latencies,
				ProcessCpu.between(cpuBefore, cpuAfter));
	}

	private static void loop(Call client, LatencyRecorder recorder, Map<String, LongAdder> errors,
			LongAdder endedInPeriod, long from, AtomicBoolean stopped) {
		while (!stopped.get()) {
			long begin = System.nanoTime();
			try {
				client.call();
				long end = System.nanoTime();
				if (end - from >= 0) {
					recorder.record(end, end - begin);
					endedInPeriod.increment();
				}
			}
			catch (Exception ex) {
				errors.computeIfAbsent(describe(ex), (kind) -> new LongAdder()).increment();
			}
		}
	}

	/** Exception type and the start of its message: enough to tell kinds apart, never content. */
	private static String describe(Throwable ex) {
		String message = String.valueOf(ex.getMessage());
		return ex.getClass().getSimpleName() + ": " + (message.length() > 160 ? message.substring(0, 160) + "..." : message);
	}
}
