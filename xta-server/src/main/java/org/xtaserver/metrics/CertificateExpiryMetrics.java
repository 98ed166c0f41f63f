package org.xtaserver.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Days until the server's own TLS certificates expire (alerting starts 30 days before). */
public class CertificateExpiryMetrics {

	private static final Logger log = LoggerFactory.getLogger(CertificateExpiryMetrics.class);

	public CertificateExpiryMetrics(ResourceLoader resources, String serverCertificate, String clientCa, Clock clock,
			MeterRegistry meters) {
		register(resources, serverCertificate, "server-tls", clock, meters);
		register(resources, clientCa, "client-ca", clock, meters);
	}

	private static void register(ResourceLoader resources, String location, String name, Clock clock,
			MeterRegistry meters) {
		if (location == null) {
			return;
		}
		Resource resource = resources.getResource(location);
		try (InputStream in = resource.getInputStream()) {
			Collection<? extends java.security.cert.Certificate> certificates = CertificateFactory.getInstance("X.509")
				.generateCertificates(in);
			int i = 0;
			for (java.security.cert.Certificate certificate : certificates) {
				X509Certificate x509 = (X509Certificate) certificate;
				String label = (i++ == 0) ? name : name + "-" + i;
				Gauge.builder("xta.certificate.expiry.days",
						() -> Duration.between(clock.instant(), x509.getNotAfter().toInstant()).toHours() / 24.0)
					.description("Days until a configured certificate expires")
					.tag("tenant", "server")
					.tag("certificate", label)
					.register(meters);
			}
		}
		catch (Exception ex) {
			log.warn("XTA-7002 certificate {} ({}) cannot be read for expiry metrics: {}", name, location, ex.getMessage());
		}
	}
}
