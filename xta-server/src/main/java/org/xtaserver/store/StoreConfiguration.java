package org.xtaserver.store;

import java.security.SecureRandom;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xtaserver.config.XtaServerProperties;
import org.xtaserver.store.jdbc.ExplicitTransactionDataSource;
import org.xtaserver.store.jdbc.JdbcMessageStore;
import org.xtaserver.store.jdbc.JdbcMsgBoxRequestStore;
import org.xtaserver.store.jdbc.JdbcServerSecrets;

/** The message store on the configured (or embedded) MariaDB. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	/**
	 * The server's JDBC access, on the pool Boot (or the embedded default) configured; Flyway, health
	 * and pool metrics use that pool directly.
	 */
	@Bean
	JdbcTemplate jdbcTemplate(DataSource dataSource) {
		return new JdbcTemplate(new ExplicitTransactionDataSource(dataSource));
	}

	/** Transactions on the same connections as {@link #jdbcTemplate}'s, begun explicitly. */
	@Bean
	JdbcTransactionManager transactionManager(JdbcTemplate jdbc) {
		return new JdbcTransactionManager(jdbc.getDataSource());
	}

	@Bean
	MessageStore messageStore(JdbcTemplate jdbc, TransactionTemplate tx, XtaServerProperties properties) {
		return new JdbcMessageStore(jdbc, tx, properties.chunkBytes());
	}

	@Bean
	ServerSecrets serverSecrets(JdbcTemplate jdbc, java.time.Clock clock) {
		return new JdbcServerSecrets(jdbc, new SecureRandom(), clock);
	}

	@Bean
	MsgBoxRequestStore msgBoxRequestStore(JdbcTemplate jdbc) {
		return new JdbcMsgBoxRequestStore(jdbc);
	}

	@Bean
	StoreHousekeeping storeHousekeeping(MsgBoxRequestStore requests, JdbcTemplate jdbc, java.time.Clock clock) {
		return new StoreHousekeeping(requests, jdbc, clock);
	}
}
