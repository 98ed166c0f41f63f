package org.xtaserver.tests.benchmark;

import java.util.List;

/**
 * One sample of the soak: what the server JVM holds at {@code seconds} after the measured window
 * began, and what the clients achieved since the previous sample.
 *
 * @param seconds time since the start of the measured window
 * @param heapUsedBytes heap used as found (all heap pools), before the forced GC
 * @param heapAfterGcBytes heap used right after a full GC forced for this sample (the live heap
 * plus whatever the load allocated in the few milliseconds since)
 * @param liveDataBytes {@code jvm_gc_live_data_size_bytes} after that GC (old generation after GC)
 * @param threads {@code jvm_threads_live_threads}
 * @param dbActive {@code hikaricp_connections_active}
 * @param dbIdle {@code hikaricp_connections_idle}
 * @param dbTotal {@code hikaricp_connections}
 * @param openFiles {@code process_files_open_files}
 * @param sockets file descriptors of the server JVM that are sockets ({@code /proc/<pid>/fd})
 * @param rssBytes resident memory of the server JVM ({@code VmRSS})
 * @param roundTrips round trips completed since the window began
 * @param failures failed round trips since the window began
 * @param roundTripsPerSecond completed round trips per second since the previous sample
 * @param p50Millis median latency of the round trips completed since the previous sample
 * @param p99Millis 99th percentile of the same
 */
record SoakSample(double seconds, long heapUsedBytes, long heapAfterGcBytes, long liveDataBytes, long threads,
		long dbActive, long dbIdle, long dbTotal, long openFiles, long sockets, long rssBytes, long roundTrips,
		long failures, double roundTripsPerSecond, double p50Millis, double p99Millis) {

	static final List<String> HEADER = List.of("seconds", "heap_used_MiB", "heap_after_gc_MiB", "live_data_MiB",
			"threads", "db_connections_active", "db_connections_idle", "db_connections_total", "open_files",
			"sockets", "rss_MiB", "round_trips", "failures", "round_trips_per_s", "p50_ms", "p99_ms");

	List<Object> csvRow() {
		return List.of(format(this.seconds, 1), mib(this.heapUsedBytes), mib(this.heapAfterGcBytes),
				mib(this.liveDataBytes), this.threads, this.dbActive, this.dbIdle, this.dbTotal, this.openFiles,
				this.sockets, mib(this.rssBytes), this.roundTrips, this.failures,
				format(this.roundTripsPerSecond, 2), format(this.p50Millis, 1), format(this.p99Millis, 1));
	}

	static double toMib(long bytes) {
		return bytes / (1024.0 * 1024.0);
	}

	private static String mib(long bytes) {
		return (bytes < 0) ? "" : format(toMib(bytes), 1);
	}

	static String format(double value, int decimals) {
		return Double.isNaN(value) ? "" : String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
	}
}
