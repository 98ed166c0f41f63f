package org.xtaserver.tests.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.xtaserver.tests.support.Actuator;
import org.xtaserver.tests.support.XtaServer;

/**
 * Reads the resource use of a running {@link XtaServer}: its Prometheus metrics on the management
 * port, {@code /proc/<pid>} of its JVM, and its live heap after a full GC forced with
 * {@code jcmd <pid> GC.run} (without it, "heap after GC" would be whatever G1's last young
 * collection left in the old generation, which creeps up between concurrent cycles even
 * without a leak).
 */
final class SoakProbe {

	private final XtaServer server;

	private final long pid;

	private final Path jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	SoakProbe(XtaServer server) {
		this.server = server;
		this.pid = server.processHandle().pid();
	}

	/** What the server holds now; load figures are left at zero for the caller to fill in. */
	Reading read() {
		Scrape before = scrape();
		forceFullGc();
		Scrape after = scrape();
		return new Reading(before.sum("jvm_memory_used_bytes", Map.of("area", "heap")),
				after.sum("jvm_memory_used_bytes", Map.of("area", "heap")),
				after.sum("jvm_gc_live_data_size_bytes", Map.of()), before.sum("jvm_threads_live_threads", Map.of()),
				before.sum("hikaricp_connections_active", Map.of()), before.sum("hikaricp_connections_idle", Map.of()),
				before.sum("hikaricp_connections", Map.of()), before.sum("process_files_open_files", Map.of()),
				sockets(), rssBytes());
	}

	/** Resource use at one moment, see {@link SoakSample} for the fields. */
	record Reading(long heapUsedBytes, long heapAfterGcBytes, long liveDataBytes, long threads, long dbActive,
			long dbIdle, long dbTotal, long openFiles, long sockets, long rssBytes) {
	}

	private void forceFullGc() {
		try {
			Process process = new ProcessBuilder(this.jcmd.toString(), Long.toString(this.pid), "GC.run")
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("jcmd " + this.pid + " GC.run failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run " + this.jcmd, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** {@code VmRSS} of {@code /proc/<pid>/status}; -1 when not readable. */
	private long rssBytes() {
		try {
			for (String line : Files.readAllLines(Paths.get("/proc", Long.toString(this.pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim()) * 1024;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// not Linux, or the process is gone: no figure
		}
		return -1;
	}

	/** Descriptors of the JVM that are sockets: HTTPS clients, the database, the management port. */
	private long sockets() {
		try (Stream<Path> descriptors = Files.list(Paths.get("/proc", Long.toString(this.pid), "fd"))) {
			return descriptors.filter((fd) -> {
				try {
					return Files.readSymbolicLink(fd).toString().startsWith("socket:");
				}
				catch (IOException ex) {
					return false; // closed while we looked
				}
			}).count();
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private Scrape scrape() {
		HttpRequest request = HttpRequest.newBuilder(this.server.actuator("prometheus"))
			.timeout(Duration.ofSeconds(30))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + request.uri() + ": HTTP " + response.statusCode());
			}
			return new Scrape(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("GET " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** One Prometheus text exposition. */
	private record Scrape(String text) {

		/** The sum of the samples of {@code name} with these labels (others summed over); -1 if none. */
		long sum(String name, Map<String, String> labels) {
			OptionalDouble sum = Actuator.sum(this.text, name, labels);
			return sum.isPresent() ? Math.round(sum.getAsDouble()) : -1;
		}
	}
}
