package org.xtaserver.tenancy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.xtaserver.tenant.TenantConfigProblem;
import org.xtaserver.tenant.TenantRegistry;
import org.xtaserver.tenant.TenantReloadReport;

/**
 * Re-reads the tenant folder on a schedule; a broken file keeps its tenant's last good version,
 * is logged with file, field and reason, and shows in the metrics.
 */
public class TenantReloader {

	private static final Logger log = LoggerFactory.getLogger(TenantReloader.class);

	private final TenantRegistry registry;

	private final Counter rejected;

	private final AtomicInteger rejectedNow = new AtomicInteger();

	/** The problems of the last reload, written by the one reloading thread. */
	private volatile Set<String> reportedProblems = Set.of();

	public TenantReloader(TenantRegistry registry, MeterRegistry meters) {
		this.registry = registry;
		this.rejected = Counter.builder("xta.tenant.config.rejected")
			.description("Tenant files rejected on a (re)load; the tenant's last good configuration stays in force")
			.register(meters);
		Gauge.builder("xta.tenant.config.invalid.files", this.rejectedNow, AtomicInteger::get)
			.description("Tenant files currently rejected")
			.register(meters);
		Gauge.builder("xta.tenants", registry, (r) -> r.current().size())
			.description("Tenants in force")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${xta.tenants.reload-interval:PT30S}", initialDelayString = "${xta.tenants.reload-interval:PT30S}")
	public void reload() {
		try {
			TenantReloadReport report = this.registry.reload();
			record(report);
		}
		catch (RuntimeException ex) {
			log.error("XTA-4001 reloading tenant files failed; the current tenants stay in force", ex);
		}
	}

	void record(TenantReloadReport report) {
		this.rejectedNow.set(report.rejectedFiles().size());
		this.rejected.increment(report.rejectedFiles().size());
		// Each problem is logged when it appears, not at every reload while the file stays broken;
		// the gauge shows that it persists.
		Set<String> problems = new HashSet<>();
		for (TenantConfigProblem problem : report.problems()) {
			String text = problem.toString();
			problems.add(text);
			if (!this.reportedProblems.contains(text)) {
				log.error("XTA-4002 tenant file rejected: {}", text);
			}
		}
		this.reportedProblems = Set.copyOf(problems);
		if (report.changed()) {
			log.info("XTA-4003 tenants reloaded: added {}, updated {}, removed {}, kept last good {}", report.added(),
					report.updated(), report.removed(), report.keptLastGood());
		}
	}
}
