package org.xtaserver.tests.benchmark;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.xtaserver.tests.support.XtaServer;

/**
 * A baseline server ({@link BaselineStack}) in a JVM of its own, started by the test with the
 * test's classpath and the demo certificate files of a running {@link XtaServer}; output goes to
 * {@code <name>.log} in its working directory. {@link #close()} ends only the process it started.
 */
final class BaselineProcess implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

	private final Process process;

	private final int port;

	private BaselineProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** The baseline's JVM, for its CPU time. */
	ProcessHandle processHandle() {
		return this.process.toHandle();
	}

	/**
	 * Starts {@code mainClass} with the certificate, key and client CA of {@code server}'s demo
	 * folder and waits until it prints {@code ready} and its port.
	 * @param workDirectory emptied working directory of the baseline
	 * @param jvmArgs e.g. the heap the XTA server gets
	 */
	static BaselineProcess start(String name, Class<?> mainClass, String ready, XtaServer server, Path workDirectory,
			String... jvmArgs) {
		Path demo = server.demoDirectory();
		List<String> command = new ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(jvmArgs));
		// For profiling a baseline like the server (xta.server.jvmArgs): e.g. a flight recording.
		String extra = System.getProperty("xta.benchmark." + name + ".jvmArgs", "").trim();
		if (!extra.isEmpty()) {
			command.addAll(List.of(extra.split("\\s+")));
		}
		String logging = System.getProperty("java.util.logging.config.file");
		if (logging != null) {
			// The tests' CXF logging (warnings only), so that the log stays small.
			command.add("-Djava.util.logging.config.file=" + logging);
		}
		command.add("-cp");
		command.add(testClasspath());
		command.add(mainClass.getName());
		command.add(demo.resolve("server.crt").toString());
		command.add(demo.resolve("server.key").toString());
		command.add(server.caCertificate().toString());
		command.add(workDirectory.toString());
		Path log = workDirectory.resolve(name + ".log");
		Process process;
		try {
			Files.createDirectories(workDirectory);
			process = new ProcessBuilder(command).directory(workDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start the " + name + " baseline", ex);
		}
		try {
			int port = await(name + " baseline ready (" + log + ")").atMost(STARTUP_TIMEOUT)
				.pollInterval(Duration.ofMillis(200))
				.until(() -> readyPort(name, ready, process, log), Optional::isPresent)
				.orElseThrow();
			return new BaselineProcess(process, port);
		}
		catch (RuntimeException ex) {
			end(process);
			throw ex;
		}
	}

	/** {@code https://localhost:<port>}. */
	URI httpsRoot() {
		return URI.create("https://localhost:" + this.port);
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

	private static Optional<Integer> readyPort(String name, String ready, Process process, Path log) throws IOException {
		String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
		int at = output.indexOf(ready);
		if (at >= 0) {
			String rest = output.substring(at + ready.length());
			return Optional.of(Integer.parseInt(rest.lines().findFirst().orElseThrow().trim()));
		}
		if (!process.isAlive()) {
			throw new IllegalStateException("the " + name + " baseline exited with " + process.exitValue()
					+ " during startup:\n" + output);
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
