package org.xtaserver.fetch;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xtaserver.message.CanonicalXml;
import org.xtaserver.metrics.MessageMetrics;
import org.xtaserver.osci.fetch.FetchLease;
import org.xtaserver.osci.fetch.FetchSchedule;
import org.xtaserver.osci.fetch.FetchScheduler;
import org.xtaserver.store.MessageStore;
import org.xtaserver.tenant.Tenant;
import org.xtaserver.tenant.TenantRegistry;
import org.xtaserver.xta.v3.V3MetadataDocuments;

/** Fetching every tenant's deliveries from its OSCI intermediary. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "xta.osci.enabled", havingValue = "true", matchIfMissing = true)
class OsciFetchConfiguration {

	@Bean
	FetchLease fetchLease(JdbcTemplate jdbc) {
		return new JdbcFetchLease(jdbc);
	}

	@Bean
	OsciDeliveryImporter osciDeliveryImporter(MessageStore store, V3MetadataDocuments metadata, CanonicalXml xml,
			MessageMetrics metrics, Clock clock) {
		return new OsciDeliveryImporter(store, metadata, xml, metrics, clock);
	}

	@Bean
	OsciFetchMonitor osciFetchMonitor(MeterRegistry meters, Clock clock) {
		return new OsciFetchMonitor(meters, clock);
	}

	@Bean
	OsciFetchHealthIndicator osciFetchHealthIndicator(TenantRegistry tenants, OsciFetchMonitor monitor) {
		return new OsciFetchHealthIndicator(tenants, monitor);
	}

	@Bean(destroyMethod = "close")
	FetchScheduler fetchScheduler(TenantRegistry tenants, OsciDeliveryImporter importer, FetchLease lease,
			OsciFetchMonitor monitor, OsciFetchProperties properties, Clock clock) {
		String instance = (properties.instanceId() != null) ? properties.instanceId()
				: ManagementFactory.getRuntimeMXBean().getName();
		SecureRandom random = new SecureRandom();
		return new FetchScheduler(
				new OsciTenantFetch(tenants, importer, properties, clock, OsciTenantFetch.overHttp(clock), lease, instance),
				lease,
				monitor, new FetchSchedule(properties.jitter(), properties.maxBackoff(), properties.concurrency(),
						properties.leaseTtl()),
				clock, random::nextDouble, instance);
	}

	/** Keeps the scheduled tenants equal to the tenants with OSCI settings, then starts ticking. */
	@Bean
	SmartLifecycle fetchSchedulerLifecycle(FetchScheduler scheduler, TenantRegistry tenants) {
		return new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				sync(scheduler, tenants);
				tenants.addListener((report) -> sync(scheduler, tenants));
				scheduler.start(Duration.ofSeconds(1));
				this.running = true;
			}

			@Override
			public void stop() {
				scheduler.close();
				this.running = false;
			}

			@Override
			public boolean isRunning() {
				return this.running;
			}
		};
	}

	static void sync(FetchScheduler scheduler, TenantRegistry tenants) {
		Set<String> withOsci = tenants.current()
			.tenants()
			.stream()
			.filter((t) -> t.osci() != null)
			.map((t) -> t.id().value())
			.collect(Collectors.toSet());
		scheduler.retainOnly(withOsci);
		for (Tenant tenant : tenants.current().tenants()) {
			if (tenant.osci() != null) {
				scheduler.schedule(tenant.id().value(), tenant.osci().fetchInterval());
			}
		}
	}
}
