package org.xtaserver.tenancy;

import io.micrometer.core.instrument.MeterRegistry;
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
		return new TenantRegistry(properties.directory(), new TenantFiles(clock));
	}

	/** Loads the tenants while the context starts (before the ports serve), and keeps them current. */
	@Bean
	TenantReloader tenantReloader(TenantRegistry registry, MeterRegistry meters) {
		TenantReloader reloader = new TenantReloader(registry, meters);
		reloader.reload();
		return reloader;
	}

	/** After the reloader: the first read needs the tenants in force. */
	@Bean
	TenantCertificates tenantCertificates(TenantRegistry registry, TenantReloader reloader) {
		return new TenantCertificates(registry);
	}

	@Bean
	TenantCertificatesHealthIndicator tenantCertificatesHealthIndicator(TenantCertificates certificates, Clock clock) {
		return new TenantCertificatesHealthIndicator(certificates, clock);
	}

	@Bean
	CallerAuthenticator callerAuthenticator(TenantRegistry registry, org.xtaserver.audit.Auditor auditor) {
		return new CallerAuthenticator(registry, auditor);
	}
}
