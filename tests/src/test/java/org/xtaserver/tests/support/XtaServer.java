package org.xtaserver.tests.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged XTA server ({@code xta-server/target/xta-server.jar}) running as a separate JVM in
 * the demo profile, in a working directory of its own under {@code tests/target/servers/<name>/}.
 * Its output goes to {@code server.log} in that directory.
 *
 * <p>The server can be stopped gracefully (SIGTERM), killed (SIGKILL of the JVM only, so that its
 * embedded database process is orphaned as after a crash) and started again on the same working
 * directory and ports. {@link #close()} also ends processes that a killed JVM left behind; only
 * processes started by this harness (the JVM and its descendants, by process handle) are ever
 * ended.
 */
public final class XtaServer implements AutoCloseable {

	/** How long a start may take until readiness is UP. */
	public static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

	/** How long a graceful stop may take. */
	public static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

	private static final Set<XtaServer> LIVE = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(XtaServer::destroyEverything),
				"xta-server-harness-cleanup"));
	}

	private final String name;

	private final Path jar;

	private final Path workingDirectory;

	private final Path logFile;

	private final List<String> jvmArgs;

	private final List<String> args;

	private final int httpsPort;

	private final int managementPort;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<ProcessHandle> orphans = new ArrayList<>();

	private Process process;

	private int starts;

	private List<DemoIdentity> identities;

	private XtaServer(Builder builder) {
		this.name = builder.name;
		this.jar = builder.jar;
		this.workingDirectory = builder.serversDirectory.resolve(builder.name).toAbsolutePath().normalize();
		this.logFile = this.workingDirectory.resolve("server.log");
		this.jvmArgs = List.copyOf(builder.jvmArgs);
		this.args = List.copyOf(builder.args);
		int[] ports = freePorts(2);
		this.httpsPort = ports[0];
		this.managementPort = ports[1];
	}

	/** A server named {@code name}; its working directory is {@code <servers dir>/<name>}. */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * Starts the server and waits until {@code /actuator/health/readiness} is UP.
	 * @throws IllegalStateException with the tail of the server log if it exits or is not ready in time
	 */
	public synchronized XtaServer start() {
		if (isRunning()) {
			throw new IllegalStateException("server " + this.name + " is already running");
		}
		requireRunnableJar(this.jar);
		List<String> command = command();
		this.starts++;
		try {
			Files.createDirectories(this.workingDirectory);
			Files.writeString(this.logFile, "\n===== xta-server harness: start #" + this.starts + " of " + this.name
					+ " at " + Instant.now() + "\n===== " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			this.process = new ProcessBuilder(command).directory(this.workingDirectory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start " + String.join(" ", command), ex);
		}
		LIVE.add(this);
		awaitReady();
		this.identities = readIdentities();
		return this;
	}

	/**
	 * Stops the server with SIGTERM and waits for the JVM to exit.
	 * @return the processes the server had started (e.g. its embedded database) that are still
	 * running 30 s after the JVM exited; a clean shutdown returns an empty list
	 */
	public synchronized List<ProcessHandle> stop() {
		requireRunning();
		List<ProcessHandle> children = this.process.descendants().toList();
		this.process.destroy();
		boolean exited = waitFor(this.process, STOP_TIMEOUT);
		if (!exited) {
			this.orphans.addAll(this.process.descendants().toList());
			this.process.destroyForcibly();
			waitFor(this.process, Duration.ofSeconds(30));
			throw new IllegalStateException(describe("did not stop within " + STOP_TIMEOUT + " after SIGTERM; killed it"));
		}
		try {
			await("processes of " + this.name + " ending after stop").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
		}
		catch (ConditionTimeoutException ex) {
			// reported to the caller below
		}
		List<ProcessHandle> left = children.stream().filter(ProcessHandle::isAlive).toList();
		this.orphans.addAll(left);
		return left;
	}

	/**
	 * Kills the server JVM with SIGKILL, as a crash would; processes it started (the embedded
	 * database) are not signalled and keep running.
	 * @return the processes the killed JVM had started that are still running
	 */
	public synchronized List<ProcessHandle> kill() {
		requireRunning();
		List<ProcessHandle> children = this.process.descendants().toList();
		this.process.destroyForcibly();
		if (!waitFor(this.process, Duration.ofSeconds(30))) {
			throw new IllegalStateException("JVM of " + this.name + " survived SIGKILL for 30 s");
		}
		List<ProcessHandle> left = children.stream().filter(ProcessHandle::isAlive).toList();
		this.orphans.addAll(left);
		return left;
	}

	/** Stops gracefully and starts again on the same working directory and ports. */
	public XtaServer restart() {
		stop();
		return start();
	}

	/** Stops the server if it runs and ends every process it left behind. */
	@Override
	public synchronized void close() {
		try {
			if (isRunning()) {
				stop();
			}
		}
		finally {
			endOrphans();
			LIVE.remove(this);
		}
	}

	public boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/** The server JVM's process, while it runs. */
	public ProcessHandle processHandle() {
		requireRunning();
		return this.process.toHandle();
	}

	public String name() {
		return this.name;
	}

	public Path workingDirectory() {
		return this.workingDirectory;
	}

	public Path logFile() {
		return this.logFile;
	}

	public int httpsPort() {
		return this.httpsPort;
	}

	public int managementPort() {
		return this.managementPort;
	}

	/** {@code https://localhost:<port>}. */
	public URI httpsRoot() {
		return URI.create("https://localhost:" + this.httpsPort);
	}

	/** The endpoint address of a port, e.g. {@code https://localhost:8443/services/XTAService/MsgBoxPort}. */
	public String address(XtaPort port) {
		return httpsRoot() + port.path();
	}

	/** {@code http://localhost:<management port>/actuator/<path>}. */
	public URI actuator(String path) {
		return URI.create("http://localhost:" + this.managementPort + "/actuator/" + path);
	}

	/** {@code data/demo} in the working directory. */
	public Path demoDirectory() {
		return this.workingDirectory.resolve("data").resolve("demo");
	}

	/** The demo CA certificate that issued server and client certificates. */
	public Path caCertificate() {
		return demoDirectory().resolve("ca.crt");
	}

	/** The demo tenant files. */
	public Path tenantsDirectory() {
		return demoDirectory().resolve("tenants");
	}

	/** The demo client identities, as read at the last start. */
	public List<DemoIdentity> identities() {
		if (this.identities == null) {
			throw new IllegalStateException("server " + this.name + " has not been started");
		}
		return this.identities;
	}

	/** The demo identity at {@code index} of identities.json. */
	public DemoIdentity identity(int index) {
		List<DemoIdentity> all = identities();
		if (index >= all.size()) {
			throw new IllegalStateException(
					"the demo has " + all.size() + " identities, the test needs at least " + (index + 1));
		}
		return all.get(index);
	}

	/** The last {@code lines} lines of the server log. */
	public String logTail(int lines) {
		if (!Files.exists(this.logFile)) {
			return "(no log file " + this.logFile + ")";
		}
		try (RandomAccessFile file = new RandomAccessFile(this.logFile.toFile(), "r")) {
			long length = file.length();
			int chunk = (int) Math.min(length, 256 * 1024);
			byte[] bytes = new byte[chunk];
			file.seek(length - chunk);
			file.readFully(bytes);
			List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(cannot read " + this.logFile + ": " + ex + ")";
		}
	}

	/** A failure text naming the server, its log file and the tail of the log. */
	public String describe(String problem) {
		return "XTA server '" + this.name + "' " + problem + "\n  working directory: " + this.workingDirectory
				+ "\n  log: " + this.logFile + "\n----- last 80 lines of the server log -----\n" + logTail(80)
				+ "\n----- end of server log -----";
	}

	@Override
	public String toString() {
		return "XtaServer[" + this.name + ", https " + this.httpsPort + ", management " + this.managementPort + "]";
	}

	private List<String> command() {
		List<String> command = new ArrayList<>();
		command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(this.jvmArgs);
		command.add("-jar");
		command.add(this.jar.toString());
		command.add("--spring.profiles.active=demo");
		command.add("--server.port=" + this.httpsPort);
		command.add("--management.server.port=" + this.managementPort);
		command.addAll(this.args);
		return command;
	}

	private void awaitReady() {
		try {
			await("readiness of XTA server " + this.name).atMost(STARTUP_TIMEOUT)
				.pollDelay(Duration.ofMillis(500))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> {
					if (!this.process.isAlive()) {
						throw new IllegalStateException(
								describe("exited with code " + this.process.exitValue() + " during startup"));
					}
					return readinessUp();
				});
		}
		catch (ConditionTimeoutException ex) {
			String text = describe("was not ready (" + actuator("health/readiness") + " not UP) within "
					+ STARTUP_TIMEOUT);
			List<ProcessHandle> children = this.process.descendants().toList();
			this.process.destroyForcibly();
			waitFor(this.process, Duration.ofSeconds(30));
			this.orphans.addAll(children);
			endOrphans();
			throw new IllegalStateException(text, ex);
		}
	}

	private boolean readinessUp() {
		HttpRequest request = HttpRequest.newBuilder(actuator("health/readiness")).timeout(Duration.ofSeconds(5)).build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private List<DemoIdentity> readIdentities() {
		Path json = demoDirectory().resolve("identities.json");
		if (!Files.isRegularFile(json)) {
			throw new IllegalStateException(describe("is ready but wrote no " + json
					+ " (the demo profile must create the client identities before readiness)"));
		}
		List<DemoIdentity> read = DemoIdentity.read(json, this.workingDirectory);
		if (read.size() < 2) {
			throw new IllegalStateException(describe("wrote " + read.size() + " identities to " + json
					+ "; the tests need at least two demo identities"));
		}
		return read;
	}

	private void requireRunning() {
		if (!isRunning()) {
			throw new IllegalStateException("server " + this.name + " is not running");
		}
	}

	private void endOrphans() {
		for (ProcessHandle orphan : this.orphans) {
			orphan.destroy();
		}
		for (ProcessHandle orphan : this.orphans) {
			try {
				orphan.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				orphan.destroyForcibly();
			}
		}
		this.orphans.clear();
	}

	private void destroyEverything() {
		Process running = this.process;
		if (running != null && running.isAlive()) {
			running.descendants().forEach(ProcessHandle::destroyForcibly);
			running.destroyForcibly();
		}
		this.orphans.forEach(ProcessHandle::destroyForcibly);
	}

	private static boolean waitFor(Process process, Duration timeout) {
		try {
			return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the server to exit", ex);
		}
	}

	/** Fails loudly when the server has not been packaged. */
	static void requireRunnableJar(Path jar) {
		String howTo = "\n  Build it first:  cd <repo> && mvn -B -DskipTests package"
				+ "\n  (a reactor build runs the xta-server module before tests, which the parent lists last;"
				+ "\n   or point -Dxta.server.jar=... at a packaged server)";
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("XTA server jar not found: " + jar + howTo);
		}
		try (JarFile file = new JarFile(jar.toFile())) {
			if (file.getManifest() == null || file.getManifest().getMainAttributes().getValue("Main-Class") == null) {
				throw new IllegalStateException("XTA server jar " + jar + " has no Main-Class; it is not the"
						+ " repackaged Spring Boot jar" + howTo);
			}
		}
		catch (IOException ex) {
			long size = -1;
			try {
				size = Files.size(jar);
			}
			catch (IOException ignored) {
				// size stays unknown
			}
			throw new IllegalStateException(
					"XTA server jar " + jar + " (" + size + " bytes) is not a runnable jar: " + ex.getMessage() + howTo);
		}
	}

	private static final Map<Path, Path> SNAPSHOTS = new ConcurrentHashMap<>();

	/**
	 * A copy of the server jar taken once per test run, so that a rebuild of xta-server during
	 * the run (other modules are built concurrently) neither changes the server between a stop
	 * and a restart nor pulls the jar from under a running JVM. Disable with
	 * {@code -Dxta.server.jar.snapshot=false}.
	 */
	static synchronized Path snapshot(Path jar, Path serversDirectory) {
		if (!Boolean.parseBoolean(System.getProperty("xta.server.jar.snapshot", "true"))) {
			return jar;
		}
		return SNAPSHOTS.computeIfAbsent(jar.toAbsolutePath().normalize(), (source) -> {
			requireRunnableJar(source);
			Path target = serversDirectory.toAbsolutePath().normalize().resolve("xta-server-under-test.jar");
			try {
				Files.createDirectories(target.getParent());
				Path partial = target.resolveSibling(target.getFileName() + ".partial");
				Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
				Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING,
						StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot copy the server jar " + source + " to " + target, ex);
			}
			try {
				requireRunnableJar(target);
			}
			catch (IllegalStateException ex) {
				throw new IllegalStateException("the copy of " + source + " is not runnable (was xta-server being"
						+ " rebuilt while the tests started?): " + ex.getMessage(), ex);
			}
			return target;
		});
	}

	private static int[] freePorts(int count) {
		List<ServerSocket> sockets = new ArrayList<>();
		try {
			int[] ports = new int[count];
			for (int i = 0; i < count; i++) {
				ServerSocket socket = new ServerSocket(0);
				sockets.add(socket);
				ports[i] = socket.getLocalPort();
			}
			return ports;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no free port", ex);
		}
		finally {
			for (ServerSocket socket : sockets) {
				try {
					socket.close();
				}
				catch (IOException ignored) {
					// best effort
				}
			}
		}
	}

	/** Configures a server before its first start. */
	public static final class Builder {

		private final String name;

		private final List<String> jvmArgs = new ArrayList<>();

		private final List<String> args = new ArrayList<>();

		private Path jar = defaultJar();

		private Path serversDirectory = Paths.get(System.getProperty("xta.servers.dir", "target/servers"));

		private Builder(String name) {
			if (!name.matches("[A-Za-z0-9._-]+")) {
				throw new IllegalArgumentException("server name must be usable as a folder name: " + name);
			}
			this.name = name;
			String extra = System.getProperty("xta.server.jvmArgs", "").trim();
			if (!extra.isEmpty()) {
				this.jvmArgs.addAll(Arrays.asList(extra.split("\\s+")));
			}
		}

		/** Extra JVM options, e.g. {@code -Xmx256m}. */
		public Builder jvmArgs(String... jvmArgs) {
			this.jvmArgs.addAll(Arrays.asList(jvmArgs));
			return this;
		}

		/** Extra application arguments, e.g. {@code --xta.server.max-list-items=5}. */
		public Builder args(String... args) {
			this.args.addAll(Arrays.asList(args));
			return this;
		}

		public Builder jar(Path jar) {
			this.jar = Objects.requireNonNull(jar);
			return this;
		}

		public Builder serversDirectory(Path serversDirectory) {
			this.serversDirectory = Objects.requireNonNull(serversDirectory);
			return this;
		}

		/** A server with a fresh (emptied) working directory, not yet started. */
		public XtaServer build() {
			this.jar = snapshot(this.jar, this.serversDirectory);
			XtaServer server = new XtaServer(this);
			deleteRecursively(server.workingDirectory);
			return server;
		}

		/** Builds and starts the server. */
		public XtaServer start() {
			return build().start();
		}

		private static Path defaultJar() {
			return Paths.get(System.getProperty("xta.server.jar", "../xta-server/target/xta-server.jar"))
				.toAbsolutePath()
				.normalize();
		}

		private static void deleteRecursively(Path directory) {
			if (!Files.exists(directory)) {
				return;
			}
			try (Stream<Path> paths = Files.walk(directory)) {
				List<Path> all = paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
				for (Path path : all) {
					Files.deleteIfExists(path);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot empty the server folder " + directory
						+ " (is a server of an earlier run still running in it?)", ex);
			}
		}
	}
}
