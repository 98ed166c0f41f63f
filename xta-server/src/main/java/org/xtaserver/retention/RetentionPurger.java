package org.xtaserver.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.xtaserver.store.MessageStore;
import org.xtaserver.tenant.Tenant;
import org.xtaserver.tenant.TenantRegistry;

/**
 * Deletes closed and cancelled messages after their tenant's retention period, in small batches so
 * that no transaction (or Galera write set) grows large and the server keeps serving meanwhile.
 * The audit trail is not touched: it outlives the messages.
 */
public class RetentionPurger {

	private static final Logger log = LoggerFactory.getLogger(RetentionPurger.class);

	static final int BATCH = 100;

	private final MessageStore store;

	private final TenantRegistry tenants;

	private final Clock clock;

	private final MeterRegistry meters;

	public RetentionPurger(MessageStore store, TenantRegistry tenants, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.tenants = tenants;
		this.clock = clock;
		this.meters = meters;
	}

	// Both settable so that operators can align the purge with quiet hours and tests need not wait.
	@Scheduled(fixedDelayString = "${xta.retention.interval:PT1H}", initialDelayString = "${xta.retention.initial-delay:PT2M}")
	public void run() {
		for (Tenant tenant : this.tenants.current().tenants()) {
			purge(tenant);
		}
	}

	/** Purges one tenant completely; returns how many messages went. */
	public int purge(Tenant tenant) {
		Instant before = this.clock.instant().minus(Duration.ofDays(tenant.retention().closedMessageDays()));
		int total = 0;
		int batch;
		do {
			batch = this.store.purgeFinished(tenant.id(), before, BATCH);
			total += batch;
		}
		while (batch == BATCH);
		if (total > 0) {
			Counter.builder("xta.messages.purged")
				.description("Closed or cancelled messages deleted after the retention period")
				.tag("tenant", tenant.id().value())
				.register(this.meters)
				.increment(total);
			log.info("XTA-6001 retention removed {} messages of tenant {} finished before {}", total, tenant.id().value(),
					before);
		}
		return total;
	}
}
