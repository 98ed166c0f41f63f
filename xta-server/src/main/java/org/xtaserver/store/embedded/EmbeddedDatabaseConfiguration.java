package org.xtaserver.store.embedded;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded MariaDB and a pool on it when no {@code spring.datasource.url} is set; with
 * that property set, Spring Boot's own DataSource configuration takes over.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

	@Bean(initMethod = "start", destroyMethod = "close")
	EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties) {
		return new EmbeddedMariaDb(properties);
	}

	/**
	 * The pool gets {@code spring.datasource.hikari.*} like an external database's (bound after these
	 * defaults, so they win): the embedded default runs with the same driver settings as production.
	 */
	@Bean(destroyMethod = "close")
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedMariaDb db) {
		HikariDataSource pool = new HikariDataSource();
		pool.setPoolName("xta-embedded");
		pool.setJdbcUrl(db.jdbcUrl());
		pool.setUsername("root");
		pool.setMaximumPoolSize(20);
		pool.setConnectionTimeout(5000);
		pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
		return pool;
	}
}
