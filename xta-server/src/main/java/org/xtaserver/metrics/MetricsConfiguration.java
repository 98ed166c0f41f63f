package org.xtaserver.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.xtaserver.store.MessageStore;
import org.xtaserver.tenancy.TenantCertificates;

/** The server's own metrics beside CXF's, Hikari's and the JVM's. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	@Bean
	SoapRequestObservationFilter soapRequestObservationFilter(@Value("${cxf.path:/services}") String cxfPath) {
		return new SoapRequestObservationFilter(cxfPath);
	}

	@Bean
	MessageMetrics messageMetrics(MeterRegistry meters) {
		return new MessageMetrics(meters);
	}

	@Bean
	PostboxBacklogMetrics postboxBacklogMetrics(MessageStore store, Clock clock, MeterRegistry meters) {
		return new PostboxBacklogMetrics(store, clock, meters);
	}

	@Bean
	CertificateExpiryMetrics certificateExpiryMetrics(ResourceLoader resources,
			@Value("${xta.tls.certificate:#{null}}") String serverCertificate,
			@Value("${xta.tls.client-ca:#{null}}") String clientCa, Clock clock, MeterRegistry meters) {
		return new CertificateExpiryMetrics(resources, serverCertificate, clientCa, clock, meters);
	}

	@Bean
	TenantCertificateExpiryMetrics tenantCertificateExpiryMetrics(TenantCertificates certificates, Clock clock,
			MeterRegistry meters) {
		return new TenantCertificateExpiryMetrics(certificates, clock, meters);
	}
}
