package org.xtaserver.store;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.xtaserver.config.XtaServerProperties;
import org.xtaserver.store.jdbc.JdbcMessageStore;
import org.xtaserver.store.jdbc.JdbcMsgBoxRequestStore;

/** The message store on the configured (or embedded) MariaDB. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

	@Bean
	MessageStore messageStore(JdbcTemplate jdbc, TransactionTemplate tx, XtaServerProperties properties) {
		return new JdbcMessageStore(jdbc, tx, properties.chunkBytes());
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
