package org.xtaserver.tests.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * The baseline of {@link LargeAttachmentBenchmark}: a plain HTTPS file server (the JDK's
 * {@code HttpsServer}) run in a JVM of its own, as the XTA server is. Same TLS as the XTA server
 * (its demo key and certificate, TLS 1.3 with the XTA server's suites in its order, client
 * certificate of the demo CA required); {@code PUT /content} streams the body to a file,
 * {@code GET /content} streams that file back. Nothing else: no SOAP, no MIME, no database.
 *
 * <p>Uses only JDK classes, so the benchmark starts it with the test classes folder as its whole
 * class path. Arguments: work folder, server PKCS#12, its password, CA certificate (PEM). Writes
 * its port to {@code <work folder>/port} once it listens; ends when its standard input closes
 * (the benchmark closes it, or the benchmark JVM died).
 */
public final class LargeHttpsBaseline {

	/** The XTA server's TLS 1.3 suites (application.yml), in its order. */
	static final List<String> TLS13_SUITES = List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
			"TLS_CHACHA20_POLY1305_SHA256");

	private LargeHttpsBaseline() {
	}

	public static void main(String[] args) throws Exception {
		Path folder = Path.of(args[0]);
		SSLContext tls = serverContext(Path.of(args[1]), args[2].toCharArray(), Path.of(args[3]));
		Path stored = folder.resolve("received.bin");

		HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
		server.setHttpsConfigurator(new HttpsConfigurator(tls) {
			@Override
			public void configure(HttpsParameters params) {
				SSLParameters parameters = tls.getDefaultSSLParameters();
				parameters.setProtocols(new String[] { "TLSv1.3" });
				parameters.setCipherSuites(TLS13_SUITES.toArray(String[]::new));
				parameters.setNeedClientAuth(true);
				params.setSSLParameters(parameters);
			}
		});
		server.createContext("/content", (exchange) -> serve(exchange, stored));
		ExecutorService workers = Executors.newFixedThreadPool(4);
		server.setExecutor(workers);
		server.start();

		Path portFile = folder.resolve("port");
		Path partial = folder.resolve("port.partial");
		Files.writeString(partial, Integer.toString(server.getAddress().getPort()), StandardCharsets.US_ASCII);
		Files.move(partial, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

		// Blocks until the benchmark closes our standard input (or dies): no orphan survives a run.
		System.in.transferTo(OutputStream.nullOutputStream());
		server.stop(0);
		workers.shutdownNow();
	}

	private static void serve(HttpExchange exchange, Path stored) throws IOException {
		try {
			switch (exchange.getRequestMethod()) {
				case "PUT" -> {
					try (InputStream body = exchange.getRequestBody()) {
						Files.copy(body, stored, StandardCopyOption.REPLACE_EXISTING);
					}
					exchange.sendResponseHeaders(204, -1);
				}
				case "GET" -> {
					exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
					exchange.sendResponseHeaders(200, Files.size(stored));
					try (OutputStream body = exchange.getResponseBody()) {
						Files.copy(stored, body);
					}
				}
				case "DELETE" -> {
					Files.deleteIfExists(stored);
					exchange.sendResponseHeaders(204, -1);
				}
				default -> exchange.sendResponseHeaders(405, -1);
			}
		}
		finally {
			exchange.close();
		}
	}

	private static SSLContext serverContext(Path pkcs12, char[] password, Path caPem)
			throws IOException, GeneralSecurityException {
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(pkcs12)) {
			keys.load(in, password);
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, password);

		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		try (InputStream in = Files.newInputStream(caPem)) {
			int i = 0;
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				trusted.setCertificateEntry("ca-" + i++, certificate);
			}
		}
		TrustManagerFactory trustManagers = TrustManagerFactory
			.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trusted);

		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
		return context;
	}
}
