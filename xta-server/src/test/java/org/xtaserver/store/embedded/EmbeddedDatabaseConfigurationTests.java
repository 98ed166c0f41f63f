package org.xtaserver.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The embedded default's pool is configured by {@code spring.datasource.hikari.*} like an external one. */
class EmbeddedDatabaseConfigurationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(EmbeddedDatabaseConfiguration.class)
		.withPropertyValues("xta.embedded-db.directory=target/test-db/pool-settings",
				"spring.datasource.hikari.connection-timeout=4000",
				"spring.datasource.hikari.data-source-properties.useServerPrepStmts=true");

	@Test
	void poolSettingsOfTheApplicationReachTheEmbeddedDatabasesPool() {
		this.context.run((running) -> {
			HikariDataSource pool = running.getBean(HikariDataSource.class);
			assertThat(pool.getConnectionTimeout()).as("connection-timeout").isEqualTo(4000);
			assertThat(pool.getMaximumPoolSize()).as("pool size kept where not configured").isEqualTo(20);
			assertThat(pool.getPoolName()).isEqualTo("xta-embedded");

			try (Connection con = pool.getConnection()) {
				long before = preparedOnTheServer(con);
				try (PreparedStatement ps = con.prepareStatement("SELECT ? + 1")) {
					ps.setInt(1, 41);
					try (ResultSet rs = ps.executeQuery()) {
						assertThat(rs.next()).isTrue();
						assertThat(rs.getInt(1)).isEqualTo(42);
					}
				}
				assertThat(preparedOnTheServer(con)).as("statements prepared by the database server (useServerPrepStmts)")
					.isGreaterThan(before);
			}
		});
	}

	private static long preparedOnTheServer(Connection con) throws Exception {
		try (Statement st = con.createStatement();
				ResultSet rs = st.executeQuery("SHOW SESSION STATUS LIKE 'Com_stmt_prepare'")) {
			assertThat(rs.next()).isTrue();
			return rs.getLong(2);
		}
	}
}
