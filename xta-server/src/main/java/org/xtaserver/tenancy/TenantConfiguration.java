package org.xtaserver.tenancy;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xtaserver.security.CallerAuthenticator;
import org.xtaserver.tenant.TenantFiles;
import org.xtaserver.tenant.TenantRegistry;

/** Tenants from their files, kept current while the server runs. */
@Configuration(proxyBeanMethods = false)
class TenantConfiguration {

	@Bean
	TenantRegistry tenantRegistry(TenantsProperties properties, Clock clock) {
		TenantRegistry registry = new TenantRegistry(properties.directory(), new TenantFiles(clock));
		registry.reload();
		return registry;
	}

	@Bean
	TenantReloader tenantReloader(TenantRegistry registry) {
		return new TenantReloader(registry);
	}

	@Bean
	CallerAuthenticator callerAuthenticator(TenantRegistry registry) {
		return new CallerAuthenticator(registry);
	}
}
