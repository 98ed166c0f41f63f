package org.xtaserver.tenancy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xtaserver.tenancy.CertificateInventory.Entry;
import org.xtaserver.tenant.Tenant;
import org.xtaserver.tenant.TenantId;
import org.xtaserver.tenant.TenantRegistry;

/**
 * When each certificate a tenant file names expires (the specialist procedures' TLS client
 * certificates given as files, the tenant's OSCI certificate and the intermediary's), read again
 * after every tenant reload so that the metrics and the health view need not read files
 * themselves. A client certificate pinned only by fingerprint or by issuer and subject carries no
 * date and is not listed.
 */
public class TenantCertificates {

	private static final Logger log = LoggerFactory.getLogger(TenantCertificates.class);

	/**
	 * One certificate of a tenant.
	 *
	 * @param name {@code client-NAME} (and {@code client-NAME-2} while it rotates), {@code osci},
	 * {@code osci-intermediary} or {@code osci-intermediary-signature}
	 * @param notAfter the end of its validity
	 */
	public record Expiry(String name, Instant notAfter) {
	}

	private final TenantRegistry tenants;

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private volatile Map<TenantId, List<Expiry>> current = Map.of();

	public TenantCertificates(TenantRegistry tenants) {
		this.tenants = tenants;
		refresh();
		tenants.addListener((report) -> {
			refresh();
			this.listeners.forEach(Runnable::run);
		});
	}

	/** Per tenant in force, its dated certificates in file order. */
	public Map<TenantId, List<Expiry>> current() {
		return this.current;
	}

	/** Called after the certificates were read again. */
	public void onChange(Runnable listener) {
		this.listeners.add(listener);
	}

	private void refresh() {
		Map<TenantId, List<Expiry>> read = new LinkedHashMap<>();
		Path folder = this.tenants.folder();
		for (Tenant tenant : this.tenants.current().tenants()) {
			CertificateInventory.tenantFile(folder, tenant.id())
				.map(CertificateInventory::read)
				.ifPresent((contents) -> read.put(tenant.id(), List.copyOf(expiries(tenant, contents.entries()))));
		}
		this.current = Map.copyOf(read);
	}

	private static List<Expiry> expiries(Tenant tenant, List<Entry> entries) {
		List<Expiry> expiries = new ArrayList<>();
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
					int n = perClient.merge(entry.client(), 1, Integer::sum);
					yield "client-" + entry.client() + (n > 1 ? "-" + n : "");
				}
			};
			try (InputStream in = Files.newInputStream(entry.file())) {
				X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
					.generateCertificate(in);
				expiries.add(new Expiry(name, certificate.getNotAfter().toInstant()));
			}
			catch (Exception ex) {
				log.warn("XTA-7003 certificate {} of tenant {} cannot be read for its expiry: {}", name,
						tenant.id().value(), ex.getMessage());
			}
		}
		return expiries;
	}
}
