package org.xtaserver.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit trail and its admin endpoint. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	AuditTrail auditTrail(JdbcTemplate jdbc) {
		return new JdbcAuditTrail(jdbc);
	}

	@Bean
	Auditor auditor(AuditTrail trail, java.time.Clock clock) {
		return new Auditor(trail, clock);
	}

	@Bean
	AuditEndpoint auditEndpoint(AuditTrail trail) {
		return new AuditEndpoint(trail);
	}
}
