package org.xtaserver.tests.benchmark;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.Tls;
import org.xtaserver.tests.support.XtaServer;

/**
 * {@link LargeHttpsBaseline} started as a JVM of its own with the TLS material of an
 * {@link XtaServer}, and its client: the JDK's {@code java.net.http.HttpClient} (the client CXF 4
 * uses for SOAP as well), HTTP/1.1, TLS 1.3, authenticated with a demo identity. Bodies stream
 * from and to files.
 */
final class LargeHttpsBaselineProcess implements AutoCloseable {

	private final Process process;

	private final URI content;

	private final HttpClient client;

	private LargeHttpsBaselineProcess(Process process, int port, HttpClient client) {
		this.process = process;
		this.content = URI.create("https://localhost:" + port + "/content");
		this.client = client;
	}

	/**
	 * Starts the baseline with the server key of {@code server} (its {@code data/demo/server.p12})
	 * and the demo CA as the only accepted client issuer, heap limited as {@code jvmHeap} (e.g.
	 * {@code -Xmx256m}); files go to {@code folder}.
	 */
	static LargeHttpsBaselineProcess start(XtaServer server, DemoIdentity client, Path folder, String jvmHeap) {
		Path classes = classesFolder();
		Path log = folder.resolve("baseline.log");
		Path port = folder.resolve("port");
		Process process;
		try {
			Files.createDirectories(folder);
			Files.deleteIfExists(port);
			process = new ProcessBuilder(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
					jvmHeap, "-XX:+ExitOnOutOfMemoryError", "-cp", classes.toString(),
					LargeHttpsBaseline.class.getName(), folder.toString(),
					server.demoDirectory().resolve("server.p12").toString(), DemoIdentity.PASSWORD,
					server.caCertificate().toString()))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start the HTTPS baseline", ex);
		}
		try {
			await("HTTPS baseline listening (" + log + ")").atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> {
					if (!process.isAlive()) {
						throw new IllegalStateException("HTTPS baseline exited with " + process.exitValue()
								+ ": " + Files.readString(log));
					}
					return Files.isRegularFile(port);
				});
			return new LargeHttpsBaselineProcess(process, Integer.parseInt(Files.readString(port).trim()),
					client(server, client));
		}
		catch (IOException | RuntimeException ex) {
			process.destroyForcibly();
			throw new IllegalStateException("HTTPS baseline did not start", ex);
		}
	}

	/** A client of the JDK's HTTP client with the TLS settings the baseline and the XTA server share. */
	static HttpClient client(XtaServer server, DemoIdentity identity) {
		SSLContext context = Tls.context(Tls.keyManagers(identity), Tls.trustManagers(server.caCertificate()));
		SSLParameters parameters = context.getDefaultSSLParameters();
		parameters.setProtocols(new String[] { "TLSv1.3" });
		parameters.setCipherSuites(LargeHttpsBaseline.TLS13_SUITES.toArray(String[]::new));
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.sslContext(context)
			.sslParameters(parameters)
			.connectTimeout(Duration.ofSeconds(30))
			.build();
	}

	/** {@code PUT} of the file; returns when the baseline has written it to its disk. */
	void upload(Path file) throws IOException, InterruptedException {
		HttpResponse<Void> response = this.client.send(
				HttpRequest.newBuilder(this.content).PUT(HttpRequest.BodyPublishers.ofFile(file)).build(),
				HttpResponse.BodyHandlers.discarding());
		requireStatus(response, 204);
	}

	/** {@code GET} of what was uploaded last, streamed to {@code target}. */
	void download(Path target) throws IOException, InterruptedException {
		HttpResponse<Path> response = this.client.send(HttpRequest.newBuilder(this.content).GET().build(),
				HttpResponse.BodyHandlers.ofFile(target));
		requireStatus(response, 200);
	}

	/** Deletes the baseline's copy. */
	void delete() throws IOException, InterruptedException {
		requireStatus(this.client.send(HttpRequest.newBuilder(this.content).DELETE().build(),
				HttpResponse.BodyHandlers.discarding()), 204);
	}

	/** Protocol and cipher suite of a TLS session with the baseline. */
	String tlsSession() throws IOException, InterruptedException {
		HttpResponse<Void> response = this.client.send(
				HttpRequest.newBuilder(this.content).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.discarding());
		return describe(response.sslSession().orElse(null));
	}

	static String describe(SSLSession session) {
		return (session == null) ? "no TLS session" : session.getProtocol() + " " + session.getCipherSuite();
	}

	/** Ends the baseline JVM by closing its standard input; kills it if it does not end. */
	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			this.process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static void requireStatus(HttpResponse<?> response, int expected) {
		if (response.statusCode() != expected) {
			throw new IllegalStateException(response.request().method() + " " + response.uri() + ": HTTP "
					+ response.statusCode() + ", expected " + expected);
		}
	}

	/** The folder holding the compiled {@link LargeHttpsBaseline}; it needs nothing but the JDK. */
	private static Path classesFolder() {
		try {
			return Paths.get(LargeHttpsBaseline.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
