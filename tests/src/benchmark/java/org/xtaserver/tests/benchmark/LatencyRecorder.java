package org.xtaserver.tests.benchmark;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Calls of one client thread: when each ended and how long it took (not thread-safe: one
 * recorder per thread, merged afterwards). Keeps every sample; a benchmark period yields at most
 * some ten thousand of them.
 */
final class LatencyRecorder {

	private long[] ends = new long[1024];

	private long[] latencies = new long[1024];

	private int count;

	void record(long endNanos, long latencyNanos) {
		if (this.count == this.ends.length) {
			this.ends = Arrays.copyOf(this.ends, this.ends.length * 2);
			this.latencies = Arrays.copyOf(this.latencies, this.latencies.length * 2);
		}
		this.ends[this.count] = endNanos;
		this.latencies[this.count] = latencyNanos;
		this.count++;
	}

	/** The latencies of the calls of all {@code recorders} that ended before {@code endedBefore} (System.nanoTime). */
	static Percentiles merge(Collection<LatencyRecorder> recorders, long endedBefore) {
		return merge(recorders, Long.MIN_VALUE, endedBefore);
	}

	/** The latencies of the calls that ended in [{@code from}, {@code to}) (System.nanoTime; MIN_VALUE: no lower bound). */
	static Percentiles merge(Collection<LatencyRecorder> recorders, long from, long to) {
		long[] all = new long[recorders.stream().mapToInt((recorder) -> recorder.count).sum()];
		int at = 0;
		for (LatencyRecorder recorder : recorders) {
			for (int i = 0; i < recorder.count; i++) {
				long end = recorder.ends[i];
				if ((from == Long.MIN_VALUE || end - from >= 0) && end - to < 0) {
					all[at++] = recorder.latencies[i];
				}
			}
		}
		long[] sorted = Arrays.copyOf(all, at);
		Arrays.sort(sorted);
		return new Percentiles(sorted);
	}

	/** Sorted samples in nanoseconds. */
	record Percentiles(long[] sortedNanos) {

		int count() {
			return this.sortedNanos.length;
		}

		/** The samples of all {@code parts} in one sorted set. */
		static Percentiles concat(List<Percentiles> parts) {
			long[] all = new long[parts.stream().mapToInt(Percentiles::count).sum()];
			int at = 0;
			for (Percentiles part : parts) {
				System.arraycopy(part.sortedNanos, 0, all, at, part.count());
				at += part.count();
			}
			Arrays.sort(all);
			return new Percentiles(all);
		}

		/** Nearest-rank percentile in milliseconds; NaN without samples. */
		double millis(double percentile) {
			if (this.sortedNanos.length == 0) {
				return Double.NaN;
			}
			int rank = (int) Math.ceil(percentile / 100.0 * this.sortedNanos.length);
			return this.sortedNanos[Math.max(0, rank - 1)] / 1_000_000.0;
		}
	}
}
