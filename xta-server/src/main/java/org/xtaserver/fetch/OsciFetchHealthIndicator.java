package org.xtaserver.fetch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.xtaserver.tenant.Tenant;
import org.xtaserver.tenant.TenantRegistry;

/**
 * Per-tenant view of fetching ({@code /actuator/health/osciFetch}): last success, failures in a
 * row and their cause code. No URLs, keys or message content. Not part of readiness: one
 * municipality's intermediary being down must not take the server out of service for the others.
 */
public class OsciFetchHealthIndicator implements HealthIndicator {

	private final TenantRegistry tenants;

	private final OsciFetchMonitor monitor;

	public OsciFetchHealthIndicator(TenantRegistry tenants, OsciFetchMonitor monitor) {
		this.tenants = tenants;
		this.monitor = monitor;
	}

	@Override
	public Health health() {
		Map<String, Object> details = new TreeMap<>();
		boolean anyFailing = false;
		Map<String, OsciFetchMonitor.TenantFetchState> states = this.monitor.states();
		for (Tenant tenant : this.tenants.current().tenants()) {
			if (tenant.osci() == null) {
				continue;
			}
			OsciFetchMonitor.TenantFetchState state = states.get(tenant.id().value());
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("lastSuccess", state == null || state.lastSuccess() == null ? "never" : state.lastSuccess().toString());
			view.put("consecutiveFailures", state == null ? 0 : state.consecutiveFailures());
			if (state != null && state.lastCause() != null) {
				view.put("lastError", state.lastCause());
				anyFailing = true;
			}
			view.put("waitingAtIntermediary", state == null ? 0 : state.waiting());
			details.put(tenant.id().value(), view);
		}
		Health.Builder builder = anyFailing ? Health.status("DEGRADED") : Health.up();
		return builder.withDetails(details).build();
	}
}
