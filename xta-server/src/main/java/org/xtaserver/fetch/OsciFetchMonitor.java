package org.xtaserver.fetch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xtaserver.osci.client.OsciException;
import org.xtaserver.osci.fetch.FetchListener;
import org.xtaserver.osci.fetch.FetchRound;

/**
 * Watches the fetch rounds: metrics per tenant (fetched, errors by cause, duration, waiting at the
 * intermediary, time of the last success), logs, and the state the health view shows. Causes are
 * outcome names, never message text, so label values stay few.
 */
public class OsciFetchMonitor implements FetchListener {

	private static final Logger log = LoggerFactory.getLogger(OsciFetchMonitor.class);

	private final MeterRegistry meters;

	private final Clock clock;

	private final Map<String, TenantFetchState> states = new ConcurrentHashMap<>();

	public OsciFetchMonitor(MeterRegistry meters, Clock clock) {
		this.meters = meters;
		this.clock = clock;
	}

	@Override
	public void succeeded(String tenantId, FetchRound round, Duration took) {
		TenantFetchState state = state(tenantId);
		state.lastSuccess = this.clock.instant();
		state.consecutiveFailures = 0;
		state.lastCause = null;
		state.waiting = round.waiting();
		Counter.builder("xta.osci.messages.fetched").description("Deliveries fetched from the OSCI intermediary and stored")
			.tag("tenant", tenantId).register(this.meters).increment(round.fetched());
		timer(tenantId, "success").record(took);
		if (round.fetched() > 0) {
			log.info("XTA-8003 tenant {}: {} deliveries fetched, {} still waiting", tenantId, round.fetched(), round.waiting());
		}
	}

	@Override
	public void failed(String tenantId, Exception cause, Duration took, int consecutiveFailures, Duration retryIn) {
		TenantFetchState state = state(tenantId);
		String code = causeOf(cause);
		state.consecutiveFailures = consecutiveFailures;
		state.lastCause = code;
		Counter.builder("xta.osci.fetch.errors").description("Failed fetch rounds by cause")
			.tag("tenant", tenantId).tag("cause", code).register(this.meters).increment();
		timer(tenantId, "failure").record(took);
		log.warn("XTA-8004 tenant {}: fetch failed ({}, {} in a row), next try in {}: {}", tenantId, code,
				consecutiveFailures, retryIn, cause.getMessage());
	}

	@Override
	public void skipped(String tenantId) {
		Counter.builder("xta.osci.fetch.skipped").description("Rounds skipped because another instance holds the tenant")
			.tag("tenant", tenantId).register(this.meters).increment();
		log.debug("XTA-8005 tenant {}: round skipped, another instance holds its lease", tenantId);
	}

	/** What a tenant's last rounds did, for the health view. */
	public Map<String, TenantFetchState> states() {
		return Map.copyOf(this.states);
	}

	private TenantFetchState state(String tenantId) {
		return this.states.computeIfAbsent(tenantId, (id) -> {
			TenantFetchState state = new TenantFetchState();
			Gauge.builder("xta.osci.deliveries.waiting", state, (s) -> s.waiting)
				.description("Deliveries waiting at the intermediary after the last round")
				.tag("tenant", id).register(this.meters);
			Gauge.builder("xta.osci.last.successful.fetch.timestamp", state,
					(s) -> s.lastSuccess == null ? 0 : s.lastSuccess.getEpochSecond())
				.description("When the tenant was last fetched successfully (Unix time)")
				.baseUnit("seconds").tag("tenant", id).register(this.meters);
			return state;
		});
	}

	private Timer timer(String tenantId, String outcome) {
		return Timer.builder("xta.osci.fetch.duration").description("Duration of fetch rounds")
			.tag("tenant", tenantId).tag("outcome", outcome).register(this.meters);
	}

	static String causeOf(Exception cause) {
		if (cause instanceof OsciException osci) {
			return osci.outcome().name();
		}
		if (cause instanceof org.springframework.dao.DataAccessException) {
			return "STORE_UNAVAILABLE";
		}
		if (cause instanceof java.io.UncheckedIOException) {
			return "KEY_MATERIAL";
		}
		return "INTERNAL";
	}

	/** Mutable per-tenant state; written by one fetch round at a time. */
	public static final class TenantFetchState {

		volatile Instant lastSuccess;

		volatile int consecutiveFailures;

		volatile String lastCause;

		volatile int waiting;

		public Instant lastSuccess() {
			return this.lastSuccess;
		}

		public int consecutiveFailures() {
			return this.consecutiveFailures;
		}

		public String lastCause() {
			return this.lastCause;
		}

		public int waiting() {
			return this.waiting;
		}
	}
}
