package org.xtaserver.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xtaserver.store.embedded.MariaDbExtension;

class ExplicitTransactionDataSourceTests {

	@RegisterExtension
	static final MariaDbExtension mariaDb = new MariaDbExtension();

	/** One connection: what one test does on it, the next borrower gets (and its session counters). */
	private HikariDataSource pool;

	private ExplicitTransactionDataSource dataSource;

	private JdbcTemplate jdbc;

	private TransactionTemplate tx;

	/** Reads through the pool itself, outside any transaction of the data source under test. */
	private JdbcTemplate plain;

	@BeforeEach
	void setUp() {
		mariaDb.truncateAll();
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(mariaDb.dataSource().getJdbcUrl());
		config.setUsername(mariaDb.dataSource().getUsername());
		config.setMaximumPoolSize(1);
		this.pool = new HikariDataSource(config);
		this.dataSource = new ExplicitTransactionDataSource(this.pool);
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.tx = new TransactionTemplate(new JdbcTransactionManager(this.dataSource));
		this.plain = new JdbcTemplate(mariaDb.dataSource());
	}

	@AfterEach
	void closePool() {
		this.pool.close();
	}

	@Test
	void aTransactionCommitsItsStatementsTogetherWithoutSwitchingAutocommit() {
		long switchesBefore = status("Com_set_option");
		long beginsBefore = status("Com_begin");
		long commitsBefore = status("Com_commit");

		this.tx.executeWithoutResult((status) -> {
			reserve("a");
			reserve("b");
			assertThat(count()).as("uncommitted rows are invisible to other connections").isZero();
		});

		assertThat(count()).isEqualTo(2);
		assertThat(status("Com_set_option") - switchesBefore).as("autocommit switches").isZero();
		assertThat(status("Com_begin") - beginsBefore).as("explicit begins").isEqualTo(1);
		assertThat(status("Com_commit") - commitsBefore).as("commits").isEqualTo(1);
	}

	@Test
	void aFailedTransactionLeavesNothingBehind() {
		assertThatThrownBy(() -> this.tx.executeWithoutResult((status) -> {
			reserve("a");
			throw new IllegalStateException("fails after the first write");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(count()).isZero();

		reserve("outside");
		assertThat(count()).as("statements outside a transaction commit by themselves").isEqualTo(1);
	}

	@Test
	void aConnectionClosedInsideATransactionRollsItBackBeforeThePoolHandsItOut() throws SQLException {
		try (Connection con = this.dataSource.getConnection()) {
			con.setAutoCommit(false);
			insert(con, "abandoned");
		}
		// The pool's one connection again: its session must be out of the abandoned transaction.
		try (Connection con = this.dataSource.getConnection()) {
			assertThat(con.getAutoCommit()).isTrue();
			insert(con, "next");
		}
		assertThat(this.plain.queryForList("SELECT message_id FROM reserved_message_id", String.class))
			.containsExactly("next");
	}

	@Test
	void afterACommitInManualModeTheNextStatementsFormANewTransaction() throws SQLException {
		try (Connection con = this.dataSource.getConnection()) {
			con.setAutoCommit(false);
			insert(con, "first");
			con.commit();
			insert(con, "second");
			con.rollback();
			insert(con, "third");
			con.setAutoCommit(true); // commits, as JDBC says
		}
		assertThat(this.plain.queryForList("SELECT message_id FROM reserved_message_id ORDER BY message_id",
				String.class))
			.containsExactly("first", "third");
	}

	private void reserve(String id) {
		this.jdbc.update("INSERT INTO reserved_message_id (message_id, tenant_id, author_type, author_value, reserved_at) "
				+ "VALUES (?, 't', 'x', 'y', ?)", id, LocalDateTime.of(2026, 11, 29, 12, 0));
	}

	private static void insert(Connection con, String id) throws SQLException {
		try (Statement st = con.createStatement()) {
			st.executeUpdate("INSERT INTO reserved_message_id (message_id, tenant_id, author_type, author_value, "
					+ "reserved_at) VALUES ('" + id + "', 't', 'x', 'y', '2026-11-29 12:00:00')");
		}
	}

	private int count() {
		Integer n = this.plain.queryForObject("SELECT COUNT(*) FROM reserved_message_id", Integer.class);
		return (n == null) ? 0 : n;
	}

	/** A counter of the pool's one session. */
	private long status(String variable) {
		return this.jdbc.query("SHOW SESSION STATUS LIKE '" + variable + "'", (rs) -> {
			rs.next();
			return rs.getLong(2);
		});
	}
}
