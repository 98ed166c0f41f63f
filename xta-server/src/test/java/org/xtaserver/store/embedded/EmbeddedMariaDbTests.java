package org.xtaserver.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EmbeddedMariaDbTests {

	@Test
	void dataSurvivesAKilledJvmWhoseLeftoverServerIsStoppedAtTheNextStart() throws Exception {
		Path dir = Path.of("target/test-db/killed");
		Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), KilledJvm.class.getName(), dir.toString())
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null && !line.equals(KilledJvm.READY)) {
				// skip the database's own output until the child says it wrote its row
			}
			assertThat(line).as("child JVM output ended before READY").isEqualTo(KilledJvm.READY);
			jvm.destroyForcibly();
			assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(StaleMariaDbProcesses.using(dir.resolve("data"))).hasSize(1)
			.allMatch(StaleMariaDbProcesses::isOrphan);

		EmbeddedMariaDb next = new EmbeddedMariaDb(new EmbeddedDatabaseProperties(dir, 0, "xta", 30));
		try {
			next.start();
			try (Connection con = DriverManager.getConnection(next.jdbcUrl(), "root", "");
					Statement st = con.createStatement();
					ResultSet rs = st.executeQuery("SELECT v FROM survivor")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("kept");
			}
		}
		finally {
			next.close();
		}
		assertThat(StaleMariaDbProcesses.using(dir.resolve("data"))).isEmpty();
	}

	@Test
	void aSecondServerOnTheSameDataIsRefusedAndTheFirstKeepsRunning() throws Exception {
		Path dir = Path.of("target/test-db/in-use");
		EmbeddedMariaDb first = new EmbeddedMariaDb(new EmbeddedDatabaseProperties(dir, 0, "xta", 30));
		first.start();
		try {
			EmbeddedMariaDb second = new EmbeddedMariaDb(new EmbeddedDatabaseProperties(dir, 0, "xta", 30));
			assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
			try (Connection con = DriverManager.getConnection(first.jdbcUrl(), "root", "");
					Statement st = con.createStatement();
					ResultSet rs = st.executeQuery("SELECT 1")) {
				assertThat(rs.next()).isTrue();
			}
		}
		finally {
			first.close();
		}
	}

	@Test
	void dataBelowTheSystemTempFolderSurvivesARestart() throws Exception {
		Path dir = Path.of(System.getProperty("java.io.tmpdir"), "xta-embedded-db-test-" + ProcessHandle.current().pid());
		EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(dir, 0, "xta", 30);
		EmbeddedMariaDb first = new EmbeddedMariaDb(properties);
		first.start();
		try (Connection con = DriverManager.getConnection(first.jdbcUrl(), "root", "");
				Statement st = con.createStatement()) {
			st.execute("CREATE TABLE kept (v VARCHAR(20))");
			st.execute("INSERT INTO kept VALUES ('still here')");
		}
		first.close();
		EmbeddedMariaDb second = new EmbeddedMariaDb(properties);
		second.start();
		try (Connection con = DriverManager.getConnection(second.jdbcUrl(), "root", "");
				Statement st = con.createStatement();
				ResultSet rs = st.executeQuery("SELECT v FROM kept")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("still here");
		}
		finally {
			second.close();
			org.springframework.util.FileSystemUtils.deleteRecursively(dir);
		}
	}

	@Test
	void startsWithoutTlsAndCreatesTheConfiguredDatabase() throws Exception {
		Path dir = Path.of("target/test-db/own-name");
		org.springframework.util.FileSystemUtils.deleteRecursively(dir.resolve("data"));
		EmbeddedMariaDb db = new EmbeddedMariaDb(new EmbeddedDatabaseProperties(dir, 0, "xta_other", 30));
		db.start();
		try (Connection con = DriverManager.getConnection(db.jdbcUrl(), "root", "");
				Statement st = con.createStatement()) {
			try (ResultSet rs = st.executeQuery("SELECT DATABASE()")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("xta_other");
			}
			// No certificate generated at start-up (seconds of RSA key generation): TLS is off.
			try (ResultSet rs = st.executeQuery("SHOW GLOBAL VARIABLES LIKE 'have_ssl'")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(2)).isEqualTo("DISABLED");
			}
		}
		finally {
			db.close();
		}
	}

	@Test
	void aDatabaseNameThatIsNoPlainIdentifierIsRefusedBeforeAnythingStarts() {
		Path dir = Path.of("target/test-db/bad-name");
		EmbeddedMariaDb db = new EmbeddedMariaDb(new EmbeddedDatabaseProperties(dir, 0, "xta`; DROP DATABASE mysql; --", 30));
		assertThatThrownBy(db::start).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("xta.embedded-db.database");
		assertThat(StaleMariaDbProcesses.using(dir.resolve("data"))).isEmpty();
	}

	/** The JVM that gets killed: starts the database, writes a row, says READY, waits. */
	public static final class KilledJvm {

		static final String READY = "XTA-TEST-READY";

		public static void main(String[] args) throws Exception {
			EmbeddedMariaDb db = new EmbeddedMariaDb(new EmbeddedDatabaseProperties(Path.of(args[0]), 0, "xta", 30));
			db.start();
			try (Connection con = DriverManager.getConnection(db.jdbcUrl(), "root", "");
					Statement st = con.createStatement()) {
				st.execute("CREATE TABLE IF NOT EXISTS survivor (v VARCHAR(20))");
				st.execute("DELETE FROM survivor");
				st.execute("INSERT INTO survivor VALUES ('kept')");
			}
			System.out.println(READY);
			System.out.flush();
			Thread.currentThread().join();
		}
	}
}
