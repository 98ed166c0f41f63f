package org.xtaserver.store.embedded;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
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

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedMariaDb db) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("xta-embedded");
		config.setJdbcUrl(db.jdbcUrl());
		config.setUsername("root");
		config.setMaximumPoolSize(20);
		config.setConnectionTimeout(5000);
		config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
		return new HikariDataSource(config);
	}
}
