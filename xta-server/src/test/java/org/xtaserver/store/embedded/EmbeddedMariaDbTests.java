package org.xtaserver.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedMariaDbTests {

	private static final Path DIR = Path.of("target/test-db/restart");

	@Test
	void dataSurvivesARestartAndALeftoverServerOfAKilledJvmIsStoppedFirst() throws Exception {
		EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(DIR, 0, "xta", 30);
		EmbeddedMariaDb first = new EmbeddedMariaDb(properties);
		first.start();
		try (Connection con = DriverManager.getConnection(first.jdbcUrl(), "root", "");
				Statement st = con.createStatement()) {
			st.execute("CREATE TABLE IF NOT EXISTS survivor (v VARCHAR(20))");
			st.execute("DELETE FROM survivor");
			st.execute("INSERT INTO survivor VALUES ('kept')");
		}
		// The first server is deliberately not closed: this is what a SIGKILLed JVM leaves behind.
		assertThat(StaleMariaDbProcesses.using(DIR.resolve("data"))).hasSize(1);

		EmbeddedMariaDb second = new EmbeddedMariaDb(properties);
		try {
			second.start();
			assertThat(StaleMariaDbProcesses.using(DIR.resolve("data"))).hasSize(1);
			assertThat(second.port()).isNotEqualTo(first.port());
			try (Connection con = DriverManager.getConnection(second.jdbcUrl(), "root", "");
					Statement st = con.createStatement();
					ResultSet rs = st.executeQuery("SELECT v FROM survivor")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("kept");
			}
		}
		finally {
			second.close();
		}
		assertThat(StaleMariaDbProcesses.using(DIR.resolve("data"))).isEmpty();
	}
}
