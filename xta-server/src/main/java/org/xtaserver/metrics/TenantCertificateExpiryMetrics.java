package org.xtaserver.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xtaserver.tenancy.TenantCertificates;

/**
 * Days until each certificate a tenant file names expires, as
 * {@code xta_certificate_expiry_days{tenant, certificate}} beside the server's own; the rows follow
 * tenant reloads, so renewed, added and removed certificates show without a restart.
 */
public class TenantCertificateExpiryMetrics {

	private final TenantCertificates certificates;

	private final Clock clock;

	private final MultiGauge expiry;

	public TenantCertificateExpiryMetrics(TenantCertificates certificates, Clock clock, MeterRegistry meters) {
		this.certificates = certificates;
		this.clock = clock;
		this.expiry = MultiGauge.builder("xta.certificate.expiry.days")
			.description("Days until a configured certificate expires")
			.register(meters);
		refresh();
		certificates.onChange(this::refresh);
	}

	private void refresh() {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		this.certificates.current().forEach((tenant, expiries) -> {
			for (TenantCertificates.Expiry certificate : expiries) {
				rows.add(MultiGauge.Row.of(Tags.of("tenant", tenant.value(), "certificate", certificate.name()),
						this.clock, (clock) -> Duration.between(clock.instant(), certificate.notAfter()).toHours() / 24.0));
			}
		});
		this.expiry.register(rows, true);
	}
}
