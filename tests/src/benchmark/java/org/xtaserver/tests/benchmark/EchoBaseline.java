package org.xtaserver.tests.benchmark;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPBinding;

import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.Tls;
import org.xtaserver.tests.support.XtaServer;

/**
 * {@link EchoBaselineServer} in a JVM of its own, started by the test with the test's classpath
 * and the demo certificate files of a running {@link XtaServer}; output goes to {@code echo.log}
 * in its working directory. {@link #close()} ends only the process it started.
 */
final class EchoBaseline implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

	private final Process process;

	private final Path log;

	private final Path caCertificate;

	private final int port;

	private EchoBaseline(Process process, Path log, Path caCertificate, int port) {
		this.process = process;
		this.log = log;
		this.caCertificate = caCertificate;
		this.port = port;
	}

	/**
	 * Starts the echo server with the certificate, key and client CA of {@code server}'s demo folder.
	 * @param workDirectory emptied working directory of the echo server
	 * @param jvmArgs e.g. the heap the XTA server gets
	 */
	static EchoBaseline start(XtaServer server, Path workDirectory, String... jvmArgs) {
		Path demo = server.demoDirectory();
		List<String> command = new ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(jvmArgs));
		// For profiling the baseline like the server (xta.server.jvmArgs): e.g. a flight recording.
		String extra = System.getProperty("xta.benchmark.echo.jvmArgs", "").trim();
		if (!extra.isEmpty()) {
			command.addAll(List.of(extra.split("\\s+")));
		}
		String logging = System.getProperty("java.util.logging.config.file");
		if (logging != null) {
			// The tests' CXF logging (warnings only), so that echo.log stays small.
			command.add("-Djava.util.logging.config.file=" + logging);
		}
		command.add("-cp");
		command.add(testClasspath());
		command.add(EchoBaselineServer.class.getName());
		command.add(demo.resolve("server.crt").toString());
		command.add(demo.resolve("server.key").toString());
		command.add(server.caCertificate().toString());
		command.add(workDirectory.toString());
		Path log = workDirectory.resolve("echo.log");
		Process process;
		try {
			Files.createDirectories(workDirectory);
			process = new ProcessBuilder(command).directory(workDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start the echo baseline", ex);
		}
		try {
			int port = await("echo baseline ready (" + log + ")").atMost(STARTUP_TIMEOUT)
				.pollInterval(Duration.ofMillis(200))
				.until(() -> readyPort(process, log), Optional::isPresent)
				.orElseThrow();
			return new EchoBaseline(process, log, server.caCertificate(), port);
		}
		catch (RuntimeException ex) {
			end(process);
			throw ex;
		}
	}

	/** An echo client as {@code identity}, configured like XtaClients' (non-streaming) proxies. */
	EchoPort client(DemoIdentity identity) {
		JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
		factory.setServiceClass(EchoPort.class);
		factory.setAddress("https://localhost:" + this.port + EchoPort.PATH);
		factory.setBindingId(SOAPBinding.SOAP12HTTP_BINDING);
		WSAddressingFeature addressing = new WSAddressingFeature();
		addressing.setAddressingRequired(true);
		factory.getFeatures().add(addressing);
		EchoPort proxy = factory.create(EchoPort.class);
		((SOAPBinding) ((BindingProvider) proxy).getBinding()).setMTOMEnabled(true);

		HTTPConduit conduit = (HTTPConduit) ClientProxy.getClient(proxy).getConduit();
		TLSClientParameters tls = new TLSClientParameters();
		tls.setKeyManagers(Tls.keyManagers(identity));
		tls.setTrustManagers(Tls.trustManagers(this.caCertificate));
		tls.setDisableCNCheck(false);
		conduit.setTlsClientParameters(tls);
		HTTPClientPolicy policy = new HTTPClientPolicy();
		policy.setConnectionTimeout(30_000);
		policy.setAllowChunking(true);
		policy.setChunkingThreshold(1024 * 1024);
		policy.setReceiveTimeout(120_000);
		policy.setAutoRedirect(false);
		conduit.setClient(policy);
		return proxy;
	}

	/** The echo server's JVM. */
	ProcessHandle processHandle() {
		return this.process.toHandle();
	}

	Path log() {
		return this.log;
	}

	@Override
	public void close() {
		end(this.process);
	}

	private static void end(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static Optional<Integer> readyPort(Process process, Path log) throws IOException {
		String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
		int at = output.indexOf(EchoBaselineServer.READY);
		if (at >= 0) {
			String rest = output.substring(at + EchoBaselineServer.READY.length());
			return Optional.of(Integer.parseInt(rest.lines().findFirst().orElseThrow().trim()));
		}
		if (!process.isAlive()) {
			throw new IllegalStateException("the echo baseline exited with " + process.exitValue() + " during startup:\n"
					+ output);
		}
		return Optional.empty();
	}

	/**
	 * The test's classpath: surefire puts it into {@code java.class.path} of the forked JVM (and
	 * into {@code surefire.test.class.path}, in case a manifest-only jar is all the former holds).
	 */
	private static String testClasspath() {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		if (classpath == null || !classpath.contains("tomcat-embed-core")) {
			throw new IllegalStateException("tomcat-embed-core is not on the test classpath (" + classpath
					+ "); run with -Pbenchmark");
		}
		return classpath;
	}
}
