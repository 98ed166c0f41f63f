package org.xtaserver.tests.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import jakarta.xml.ws.Holder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xtaserver.tests.support.Actuator;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
import org.xtaserver.tests.support.TestContent;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.wsdl.v3.ContentType;
import org.xtaserver.wsdl.v3.GenericContentContainer;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.MsgBoxPortType;
import org.xtaserver.wsdl.v3.SendPortType;
import org.xtaserver.wsdl.v3.osci.MsgBoxResponseType;
import org.xtaserver.wsdl.v3.oscimeta.MessageMetaData;

/**
 * Issue 6: a 1 GiB attachment through sendMessage and getMessage of a server limited to a 256 MiB
 * heap must pass; its MB/s per direction are reported as a ratio of a plain HTTPS transfer of the
 * same bytes on the loopback ({@link LargeHttpsBaseline}: same key, TLS 1.3 suites and client
 * authentication, same HTTP client in the benchmark JVM, a JVM of its own with the same heap).
 *
 * <p>Both sides stream from and to disk: the content is a file of pseudo-random (incompressible)
 * bytes, the downloads are written to files and their SHA-256 is taken afterwards, outside the
 * timed part, for both sides alike. Each side is warmed up with a smaller transfer first; the
 * baseline runs first so that the server's database writes cannot slow it down. Quick mode
 * ({@code -Dxta.benchmark.quick=true}) moves 64 MiB.
 */
class LargeAttachmentBenchmark {

	static final String ID = "large-attachment";

	static final boolean QUICK = Boolean.getBoolean("xta.benchmark.quick");

	static final long MIB = 1024L * 1024;

	static final long SIZE = QUICK ? 64 * MIB : 1024 * MIB;

	/**
	 * Warm-up transfers per side before the clock runs. TLS (AES-GCM) and the copy loops of both
	 * JVMs reach full speed only after a few hundred MiB have passed through them (measured: the
	 * first 256 MiB of the baseline ran at a tenth of its later rate).
	 */
	static final long WARM_UP_SIZE = QUICK ? 16 * MIB : 64 * MIB;

	static final int WARM_UP_ROUNDS = QUICK ? 3 : 4;

	static final String HEAP = "-Xmx256m";

	@Test
	@Timeout(value = 40, unit = TimeUnit.MINUTES)
	void aOneGibAttachmentPassesSendAndGetMessageAtA256MibHeapAndIsComparedToPlainHttps() throws Exception {
		Path folder = Paths.get(System.getProperty("xta.servers.dir", "target/servers"))
			.toAbsolutePath()
			.getParent()
			.resolve("large-attachment-files");
		deleteRecursively(folder);
		Files.createDirectories(folder);
		Result result = new Result();
		XtaServer server = XtaServer.builder("bench-large-attachment")
			.jvmArgs(HEAP, "-XX:+ExitOnOutOfMemoryError")
			.build();
		try {
			server.start();
			measure(server, folder, result);
		}
		catch (Exception | AssertionError ex) {
			result.failure = ex;
		}
		finally {
			result.outOfMemory = logMentionsOutOfMemory(server);
			writeResults(result);
			try {
				server.close();
			}
			finally {
				// The big files (ours, the baseline's, the server's database copy) are not kept.
				deleteRecursively(folder);
				deleteRecursively(server.workingDirectory().resolve("data").resolve("db"));
				deleteRecursively(server.workingDirectory().resolve("data").resolve("tmp"));
			}
		}

		assertThat(result.failure).as("failure of the benchmark (see " + server.logFile() + ")").isNull();
		assertThat(result.oursDownload.identical()).as("SHA-256 of the attachment received = sent").isTrue();
		assertThat(result.outOfMemory).as("OutOfMemoryError in " + server.logFile()).isFalse();
		assertThat(result.readyAfterwards).as("server running and ready after the transfer").isTrue();
		assertThat(result.baselineUpload.identical() && result.baselineDownload.identical())
			.as("the baseline moved the same bytes")
			.isTrue();
	}

	/** Fills {@code result} step by step, so that whatever was measured before a failure is reported. */
	private void measure(XtaServer server, Path folder, Result result) throws Exception {
		DemoIdentity author = server.identity(0);
		DemoIdentity reader = server.identity(1);
		Path source = folder.resolve("content.bin");
		Path warmUp = folder.resolve("warm-up.bin");
		Path received = folder.resolve("received.bin");
		String sha256 = TestContent.writeDeterministic(source, SIZE, 20_260_606L);
		String warmUpSha256 = TestContent.writeDeterministic(warmUp, WARM_UP_SIZE, 7L);

		Path baselineFolder = folder.resolve("baseline");
		try (LargeHttpsBaselineProcess baseline = LargeHttpsBaselineProcess.start(server, author, baselineFolder,
				HEAP)) {
			for (int i = 0; i < WARM_UP_ROUNDS; i++) {
				baseline.upload(warmUp);
				baseline.download(received);
				requireSame(received, warmUpSha256, "baseline warm-up");
			}
			result.baselineTls = baseline.tlsSession();
			long started = System.nanoTime();
			baseline.upload(source);
			long uploadNanos = System.nanoTime() - started;
			result.baselineUpload = new Transfer(SIZE, uploadNanos,
					sha256.equals(sha256Of(baselineFolder.resolve("received.bin"))));
			started = System.nanoTime();
			baseline.download(received);
			long downloadNanos = System.nanoTime() - started;
			result.baselineDownload = new Transfer(SIZE, downloadNanos, sha256.equals(sha256Of(received)));
			baseline.delete();
			Files.delete(received);
		}

		XtaClients clients = XtaClients.of(server).streaming();
		Xta xta = new Xta(clients.management(author), clients.send(author), clients.msgBox(reader), author, reader,
				DemoTenants.serviceOf(server, reader.party()));
		result.oursTls = tlsSession(server, author);
		for (int i = 0; i < WARM_UP_ROUNDS; i++) {
			String id = xta.send(warmUp, WARM_UP_SIZE);
			xta.close(id, xta.fetch(id, received));
			requireSame(received, warmUpSha256, "XTA warm-up");
		}

		try (HeapWatch heap = new HeapWatch(server)) {
			try {
				long started = System.nanoTime();
				String id = xta.send(source, SIZE);
				// Proven byte for byte only through the download below.
				result.oursUpload = new Transfer(SIZE, System.nanoTime() - started, false);
				started = System.nanoTime();
				String msgBoxRequestId = xta.fetch(id, received);
				long downloadNanos = System.nanoTime() - started;
				xta.close(id, msgBoxRequestId);
				boolean identical = sha256.equals(sha256Of(received));
				result.oursUpload = new Transfer(SIZE, result.oursUpload.nanos(), identical);
				result.oursDownload = new Transfer(SIZE, downloadNanos, identical);
			}
			finally {
				result.peakHeapBytes = heap.peak();
				Files.deleteIfExists(received);
			}
		}
		result.readyAfterwards = server.isRunning() && Actuator.ready(server);
		result.peakRssBytes = server.isRunning() ? statusKib(server.processHandle().pid(), "VmHWM") * 1024 : -1;
	}

	private static boolean logMentionsOutOfMemory(XtaServer server) {
		if (!Files.isRegularFile(server.logFile())) {
			return false;
		}
		try (Stream<String> lines = Files.lines(server.logFile())) {
			return lines.anyMatch((line) -> line.contains("java.lang.OutOfMemoryError"));
		}
		catch (IOException | UncheckedIOException ex) {
			// an unreadable log cannot prove the absence of an OOM
			return true;
		}
	}

	private void writeResults(Result result) {
		BenchmarkOutput output = BenchmarkOutput.current();
		String size = QUICK ? "64 MiB" : "1 GiB";
		output.writeCsv(ID,
				List.of("side", "direction", "bytes", "seconds", "MB_per_s", "sha256_identical", "server_max_heap",
						"server_peak_heap_used_MiB", "server_peak_rss_MiB"),
				List.of(row("xta", "upload (sendMessage)", result.oursUpload, result, true),
						row("xta", "download (getMessage)", result.oursDownload, result, true),
						row("baseline", "upload (HTTPS PUT)", result.baselineUpload, result, false),
						row("baseline", "download (HTTPS GET)", result.baselineDownload, result, false)));

		double upRatio = ratio(result.oursUpload, result.baselineUpload);
		double downRatio = ratio(result.oursDownload, result.baselineDownload);
		boolean passed = result.passed();
		List<List<?>> targets = new ArrayList<>();
		targets.add(List.of(size + " upload through sendMessage (MB/s)", mbps(result.oursUpload),
				mbps(result.baselineUpload), format(upRatio), "n.a.", "n.a."));
		targets.add(List.of(size + " download through getMessage (MB/s)", mbps(result.oursDownload),
				mbps(result.baselineDownload), format(downRatio), "n.a.", "n.a."));
		targets.add(List.of(size + " attachment passes at -Xmx256m (bytes identical; no OOM; ready afterwards)",
				passed ? "passed" : "failed", "n.a.", "n.a.", "passes", passed));
		output.writeCsv(ID + ".targets", List.of("figure", "ours", "baseline", "ratio", "target", "met"), targets);

		StringBuilder md = new StringBuilder();
		md.append("## Large attachment: ").append(size).append(" at -Xmx256m\n\n");
		md.append("One message with a ").append(size).append(" (").append(SIZE)
			.append(" bytes) attachment of pseudo-random, incompressible bytes goes through `sendMessage` ")
			.append("(MTOM, chunked, streamed from a file) and comes ")
			.append("back through `getMessage` (the attachment streamed to a file) of a server started with `")
			.append(HEAP)
			.append(" -XX:+ExitOnOutOfMemoryError`. The baseline moves the same file over plain HTTPS on the loopback ")
			.append("(`PUT` to disk, `GET` from disk) with the JDK's `HttpsServer` in a JVM of its own with the same ")
			.append("heap limit, the server's demo key and certificate, TLS 1.3 with the server's cipher suites and a ")
			.append("required client certificate; both sides are driven by the JDK's `java.net.http` client (the one ")
			.append("CXF 4 uses). Each side is warmed up with ")
			.append(WARM_UP_ROUNDS)
			.append(" round trips of ")
			.append(WARM_UP_SIZE / MIB)
			.append(" MiB first; the SHA-256 of what was received is taken after the clock stops, alike for both. ")
			.append("MB/s are 10^6 bytes per second of wall time of the call (upload: until the answer arrives, i.e. ")
			.append("stored; download: until the last byte is on disk; close is not timed). One transfer per ")
			.append("direction and side. The work differs in kind: sendMessage answers once the content is in the ")
			.append("server's database (MariaDB, in rows of `xta.server.chunk-bytes`), the baseline once the file is ")
			.append("written; getMessage reads those rows back.\n\n");
		md.append("| transfer | ours (s) | ours (MB/s) | baseline (s) | baseline (MB/s) | ratio ours/baseline | target |\n");
		md.append("|---|---:|---:|---:|---:|---:|---|\n");
		md.append(tableRow("upload: sendMessage vs. HTTPS PUT", result.oursUpload, result.baselineUpload, upRatio));
		md.append(tableRow("download: getMessage vs. HTTPS GET", result.oursDownload, result.baselineDownload,
				downRatio));
		md.append("| passes at -Xmx256m | ").append(passed ? "**passed**" : "**FAILED**")
			.append(" | | | | | must pass: ")
			.append(passed ? "met" : "not met")
			.append(" |\n\n");
		md.append("- bytes identical (SHA-256 of the download = of the file sent): ")
			.append(yesNo(result.oursDownload.identical()))
			.append("; baseline: ")
			.append(yesNo(result.baselineUpload.identical() && result.baselineDownload.identical()))
			.append('\n');
		md.append("- OutOfMemoryError in the server log: ").append(yesNo(result.outOfMemory))
			.append("; server ready afterwards: ")
			.append(yesNo(result.readyAfterwards))
			.append('\n');
		md.append("- server heap used (garbage not yet collected included), peak of samples every 0.5 s during the ")
			.append(size)
			.append(" transfers: ")
			.append(mib(result.peakHeapBytes))
			.append(" MiB of 256 MiB; peak resident memory of the server JVM (VmHWM, whole run): ")
			.append(mib(result.peakRssBytes))
			.append(" MiB (the embedded MariaDB is a process of its own)\n");
		md.append("- TLS negotiated: ours ").append(result.oursTls).append(", baseline ")
			.append(result.baselineTls)
			.append('\n');
		if (result.failure != null) {
			md.append("- failure: `").append(oneLine(result.failure))
				.append("` (server log: `servers/bench-large-attachment/server.log` in the build folder)\n");
		}
		output.writeSection(ID, md.toString());
	}

	private static List<Object> row(String side, String direction, Transfer transfer, Result result, boolean ours) {
		return List.of(side, direction, transfer.bytes(), format(transfer.seconds()), mbps(transfer),
				transfer.identical(), HEAP.substring(4), ours ? mib(result.peakHeapBytes) : "n.a.",
				ours ? mib(result.peakRssBytes) : "n.a.");
	}

	private static String tableRow(String name, Transfer ours, Transfer baseline, double ratio) {
		return "| " + name + " | " + format(ours.seconds()) + " | " + mbps(ours) + " | " + format(baseline.seconds())
				+ " | " + mbps(baseline) + " | " + format(ratio) + " | n.a. |\n";
	}

	/** The SOAP side: sendMessage from a file, getMessage to a file, close (not timed). */
	private record Xta(ManagementPortType management, SendPortType send, MsgBoxPortType msgBox, DemoIdentity author,
			DemoIdentity reader, String service) {

		String send(Path file, long size) throws Exception {
			String id = this.management.createMessageId(V3.party(this.author)).getValue();
			this.send.sendMessage(V3.container(V3.content(TestContent.xmlPayload("large"), "text/xml", "nachricht.xml"),
					V3.content(file, size, "application/octet-stream")),
					V3.metadata(id, this.author, this.reader, this.service), null);
			return id;
		}

		/** getMessage, the attachment streamed to {@code target}; returns the MsgBoxRequestID to close with. */
		String fetch(String id, Path target) throws Exception {
			Holder<MessageMetaData> metadata = new Holder<>();
			Holder<MsgBoxResponseType> response = new Holder<>();
			GenericContentContainer container = this.msgBox.getMessage(V3.fetchRequest(id), V3.party(this.reader),
					metadata, response);
			assertThat(metadata.value.getMsgIdentification().getMessageID().getValue()).isEqualTo(id);
			assertThat(container.getContentContainer().getAttachment()).hasSize(1);
			ContentType attachment = container.getContentContainer().getAttachment().get(0);
			try (InputStream in = attachment.getValue().getInputStream()) {
				Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			}
			return response.value.getMsgBoxRequestID();
		}

		void close(String id, String msgBoxRequestId) throws Exception {
			this.msgBox.close(V3.closeRequest(msgBoxRequestId, id), V3.party(this.reader));
		}
	}

	/** Samples the server's heap used (Prometheus, all heap pools) every 0.5 s and keeps the peak. */
	private static final class HeapWatch implements AutoCloseable {

		private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

		private final AtomicLong peak = new AtomicLong(-1);

		HeapWatch(XtaServer server) {
			this.scheduler.scheduleWithFixedDelay(() -> {
				try {
					long used = (long) Actuator.metric(server, "jvm_memory_used_bytes", Map.of("area", "heap"));
					this.peak.accumulateAndGet(used, Math::max);
				}
				catch (RuntimeException ex) {
					// a missed sample (server busy or gone) is not a result; the peak stays
				}
			}, 0, 500, TimeUnit.MILLISECONDS);
		}

		long peak() {
			return this.peak.get();
		}

		@Override
		public void close() throws InterruptedException {
			this.scheduler.shutdownNow();
			this.scheduler.awaitTermination(30, TimeUnit.SECONDS);
		}
	}

	/** One timed transfer; {@code identical}: the receiver got exactly the bytes sent. */
	record Transfer(long bytes, long nanos, boolean identical) {

		static final Transfer NONE = new Transfer(0, 0, false);

		double seconds() {
			return this.nanos / 1e9;
		}
	}

	/** What one run measured; filled in step by step (see {@link #measure}). */
	static final class Result {

		Transfer baselineUpload = Transfer.NONE;

		Transfer baselineDownload = Transfer.NONE;

		Transfer oursUpload = Transfer.NONE;

		Transfer oursDownload = Transfer.NONE;

		Throwable failure;

		boolean outOfMemory;

		boolean readyAfterwards;

		long peakHeapBytes = -1;

		long peakRssBytes = -1;

		String oursTls = "n.a.";

		String baselineTls = "n.a.";

		boolean passed() {
			return this.failure == null && this.oursDownload.identical() && !this.outOfMemory && this.readyAfterwards;
		}
	}

	private static String tlsSession(XtaServer server, DemoIdentity identity) throws IOException, InterruptedException {
		HttpClient client = LargeHttpsBaselineProcess.client(server, identity);
		HttpResponse<Void> response = client.send(HttpRequest
			.newBuilder(URI.create(server.httpsRoot() + "/services/XTAService/ManagementPort?wsdl"))
			.build(), HttpResponse.BodyHandlers.discarding());
		return LargeHttpsBaselineProcess.describe(response.sslSession().orElse(null));
	}

	private static void requireSame(Path file, String sha256, String what) {
		if (!sha256.equals(sha256Of(file))) {
			throw new IllegalStateException(what + ": the bytes received differ from those sent");
		}
	}

	private static String sha256Of(Path file) {
		try {
			return TestContent.digest(Files.newInputStream(file)).sha256();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A field of {@code /proc/<pid>/status} in kB, -1 when not readable. */
	static long statusKib(long pid, String field) {
		try {
			for (String line : Files.readAllLines(Paths.get("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith(field + ":")) {
					return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// not Linux or the process is gone
		}
		return -1;
	}

	private static double ratio(Transfer ours, Transfer baseline) {
		return (ours.nanos() <= 0 || baseline.nanos() <= 0) ? Double.NaN : (double) baseline.nanos() / ours.nanos();
	}

	private static String mbps(Transfer transfer) {
		return (transfer.nanos() <= 0) ? "n.a." : format(transfer.bytes() / 1e6 / transfer.seconds());
	}

	private static String mib(long bytes) {
		return (bytes < 0) ? "n.a." : Long.toString(bytes / MIB);
	}

	private static String format(double value) {
		return Double.isNaN(value) ? "n.a." : String.format(Locale.ROOT, "%.2f", value);
	}

	private static String yesNo(boolean value) {
		return value ? "yes" : "no";
	}

	private static String oneLine(Throwable failure) {
		String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
		text = text.replaceAll("\\s+", " ").replace('`', '\'');
		// The harness's failure texts carry the server log's tail; the section names the log instead.
		return (text.length() > 300) ? text.substring(0, 300) + " ..." : text;
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}
}
