package org.xtaserver.fetch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fetching from OSCI intermediaries for every tenant with an {@code osci} section.
 *
 * @param enabled whether this instance fetches at all
 * @param concurrency most tenants fetched at the same time
 * @param jitter up to this much is added to each tenant's interval at random
 * @param maxBackoff longest pause of a failing tenant
 * @param leaseTtl how long a tenant stays with an instance that stopped answering (killed, partitioned)
 * before another instance, or this one restarted, takes it over
 * @param reconcileWindow process cards modified this far back are compared with the store, so that
 * a delivery handed out but never committed here (crash) is fetched again by id
 * @param listLimit most process cards asked for per listing
 * @param requestTimeout timeout of one OSCI request
 * @param instanceId this instance's name in leases; default host name and process id
 */
@ConfigurationProperties("xta.osci")
public record OsciFetchProperties(@DefaultValue("true") boolean enabled, @DefaultValue("8") int concurrency,
		@DefaultValue("PT30S") Duration jitter, @DefaultValue("PT15M") Duration maxBackoff,
		@DefaultValue("PT2M") Duration leaseTtl, @DefaultValue("P2D") Duration reconcileWindow,
		@DefaultValue("100") int listLimit, @DefaultValue("PT60S") Duration requestTimeout, String instanceId) {

	public OsciFetchProperties {
		// A lease must outlast one request, or a slow answer would hand the tenant to another instance.
		if (leaseTtl != null && requestTimeout != null && leaseTtl.compareTo(requestTimeout.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException("xta.osci.lease-ttl (" + leaseTtl
					+ ") must be at least twice xta.osci.request-timeout (" + requestTimeout + ")");
		}
	}
}
