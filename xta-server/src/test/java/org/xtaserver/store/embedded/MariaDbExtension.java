package org.xtaserver.store.embedded;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource;

/**
 * A real MariaDB for store tests, started once per test run and migrated with the server's own
 * Flyway scripts. Each test cleans up what it wrote through {@link #truncateAll()}.
 */
public class MariaDbExtension implements BeforeAllCallback {

	private static final String KEY = MariaDbExtension.class.getName();

	private Running running;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.running = context.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.getOrComputeIfAbsent(KEY, (k) -> Running.start(), Running.class);
	}

	public HikariDataSource dataSource() {
		return this.running.dataSource;
	}

	public EmbeddedMariaDb db() {
		return this.running.db;
	}

	public void truncateAll() {
		try (var con = dataSource().getConnection(); var st = con.createStatement()) {
			st.execute("SET FOREIGN_KEY_CHECKS = 0");
			for (String table : new String[] { "transport_event", "message_part", "message", "content_chunk", "content", "audit_event", "fetch_lease",
					"reserved_message_id", "msgbox_request" }) {
				st.execute("TRUNCATE TABLE " + table);
			}
			st.execute("SET FOREIGN_KEY_CHECKS = 1");
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static final class Running implements CloseableResource {

		final EmbeddedMariaDb db;

		final HikariDataSource dataSource;

		private Running(EmbeddedMariaDb db, HikariDataSource dataSource) {
			this.db = db;
			this.dataSource = dataSource;
		}

		static Running start() {
			EmbeddedMariaDb db = new EmbeddedMariaDb(
					new EmbeddedDatabaseProperties(Path.of("target/test-db/store"), 0, "xta", 30));
			db.start();
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(db.jdbcUrl());
			config.setUsername("root");
			config.setMaximumPoolSize(8);
			HikariDataSource dataSource = new HikariDataSource(config);
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false).load().clean();
			Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
			return new Running(db, dataSource);
		}

		@Override
		public void close() {
			this.dataSource.close();
			this.db.close();
		}
	}
}
