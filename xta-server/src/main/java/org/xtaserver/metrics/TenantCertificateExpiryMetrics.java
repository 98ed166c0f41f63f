package org.xtaserver.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xtaserver.tenancy.CertificateInventory;
import org.xtaserver.tenancy.CertificateInventory.Entry;
import org.xtaserver.tenant.Tenant;
import org.xtaserver.tenant.TenantRegistry;
import org.xtaserver.tenant.TenantReloadReport;

/**
 * Days until each certificate a tenant file names expires (the specialist procedures' TLS client
 * certificates given as files, the tenant's OSCI certificate and the intermediary's), as
 * {@code xta_certificate_expiry_days{tenant, certificate}} beside the server's own. Refreshed on
 * every tenant reload, so renewed, added and removed certificates show without a restart.
 * A client certificate pinned only by fingerprint or by issuer and subject carries no date.
 */
public class TenantCertificateExpiryMetrics {

	private static final Logger log = LoggerFactory.getLogger(TenantCertificateExpiryMetrics.class);

	private final TenantRegistry tenants;

	private final Clock clock;

	private final MultiGauge expiry;

	public TenantCertificateExpiryMetrics(TenantRegistry tenants, Clock clock, MeterRegistry meters) {
		this.tenants = tenants;
		this.clock = clock;
		this.expiry = MultiGauge.builder("xta.certificate.expiry.days")
			.description("Days until a configured certificate expires")
			.register(meters);
		refresh();
		tenants.addListener((TenantReloadReport report) -> refresh());
	}

	/** Reads the certificates of every tenant in force and replaces the gauge's rows. */
	final void refresh() {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		Path folder = this.tenants.folder();
		for (Tenant tenant : this.tenants.current().tenants()) {
			CertificateInventory.tenantFile(folder, tenant.id())
				.map(CertificateInventory::read)
				.ifPresent((contents) -> rows.addAll(rows(tenant, contents.entries())));
		}
		this.expiry.register(rows, true);
	}

	private List<MultiGauge.Row<?>> rows(Tenant tenant, List<Entry> entries) {
		List<MultiGauge.Row<?>> rows = new ArrayList<>();
		Map<String, Integer> perClient = new HashMap<>();
		for (Entry entry : entries) {
			if (entry.file() == null) {
				continue;
			}
			String name = switch (entry.role()) {
				case OSCI_OWN -> "osci";
				case OSCI_INTERMEDIARY, OSCI_INTERMEDIARY_CIPHER -> "osci-intermediary";
				case OSCI_INTERMEDIARY_SIGNATURE -> "osci-intermediary-signature";
				case CLIENT_TLS -> {
					// Two certificates of one client while it rotates: client-NAME and client-NAME-2.
					int n = perClient.merge(entry.client(), 1, Integer::sum);
					yield "client-" + entry.client() + (n > 1 ? "-" + n : "");
				}
			};
			Instant notAfter = notAfter(tenant, name, entry.file());
			if (notAfter != null) {
				rows.add(MultiGauge.Row.of(Tags.of("tenant", tenant.id().value(), "certificate", name), this.clock,
						(clock) -> Duration.between(clock.instant(), notAfter).toHours() / 24.0));
			}
		}
		return rows;
	}

	private static Instant notAfter(Tenant tenant, String name, Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
			return certificate.getNotAfter().toInstant();
		}
		catch (Exception ex) {
			log.warn("XTA-7003 certificate {} of tenant {} cannot be read for expiry metrics: {}", name,
					tenant.id().value(), ex.getMessage());
			return null;
		}
	}
}
