package org.xtaserver.tenancy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.xtaserver.tenant.TenantRegistry;

/** Re-reads the tenant folder on a schedule; a broken file keeps its tenant's last good version. */
public class TenantReloader {

	private static final Logger log = LoggerFactory.getLogger(TenantReloader.class);

	private final TenantRegistry registry;

	public TenantReloader(TenantRegistry registry) {
		this.registry = registry;
	}

	@Scheduled(fixedDelayString = "${xta.tenants.reload-interval:PT30S}", initialDelayString = "${xta.tenants.reload-interval:PT30S}")
	public void reload() {
		try {
			this.registry.reload();
		}
		catch (RuntimeException ex) {
			log.error("XTA-4001 reloading tenant files failed; the current tenants stay in force", ex);
		}
	}
}
