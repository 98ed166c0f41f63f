package org.xtaserver.retention;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xtaserver.store.MessageStore;
import org.xtaserver.tenant.TenantRegistry;

/** Retention of closed messages per tenant. */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

	@Bean
	RetentionPurger retentionPurger(MessageStore store, TenantRegistry tenants, Clock clock, MeterRegistry meters) {
		return new RetentionPurger(store, tenants, clock, meters);
	}
}
