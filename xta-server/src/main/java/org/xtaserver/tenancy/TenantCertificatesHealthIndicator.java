package org.xtaserver.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.xtaserver.tenant.TenantId;

/**
 * Per-tenant view of certificate validity ({@code /actuator/health/tenantCertificates}): each
 * certificate's end of validity and days left, no key material. {@code EXPIRING} when one ends
 * within 30 days (the alert's default), {@code EXPIRED} when one has ended. Not part of
 * readiness: a municipality's certificate must not take the server out of service for the others.
 */
public class TenantCertificatesHealthIndicator implements HealthIndicator {

	static final Duration WARN_BEFORE = Duration.ofDays(30);

	private final TenantCertificates certificates;

	private final Clock clock;

	public TenantCertificatesHealthIndicator(TenantCertificates certificates, Clock clock) {
		this.certificates = certificates;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Instant now = this.clock.instant();
		Map<String, Object> details = new TreeMap<>();
		boolean expiring = false;
		boolean expired = false;
		for (Map.Entry<TenantId, List<TenantCertificates.Expiry>> tenant : this.certificates.current().entrySet()) {
			Map<String, Object> view = new LinkedHashMap<>();
			for (TenantCertificates.Expiry certificate : tenant.getValue()) {
				Duration left = Duration.between(now, certificate.notAfter());
				expired |= left.isNegative();
				expiring |= left.compareTo(WARN_BEFORE) < 0;
				view.put(certificate.name(),
						Map.of("notAfter", certificate.notAfter().toString(), "daysLeft", left.toDays()));
			}
			details.put(tenant.getKey().value(), view);
		}
		Health.Builder builder = expired ? Health.status("EXPIRED") : expiring ? Health.status("EXPIRING") : Health.up();
		return builder.withDetails(details).build();
	}
}
