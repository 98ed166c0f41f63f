package org.xtaserver.osci.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How fetching is paced.
 *
 * @param jitter up to this much is added at random to each delay, so that many tenants with the
 * same interval do not hit the intermediary at the same instant
 * @param maxBackoff upper bound of the doubling delay after consecutive failures
 * @param concurrency at most this many tenants are fetched at the same time
 * @param leaseTtl how long a tenant's lease lasts without renewal
 */
public record FetchSchedule(Duration jitter, Duration maxBackoff, int concurrency, Duration leaseTtl) {

	public FetchSchedule {
		Objects.requireNonNull(jitter, "jitter");
		Objects.requireNonNull(maxBackoff, "maxBackoff");
		Objects.requireNonNull(leaseTtl, "leaseTtl");
		if (concurrency < 1) {
			throw new IllegalArgumentException("concurrency must be at least 1");
		}
	}

	/** The delay before the next round after {@code failures} consecutive failures (0 = success). */
	Duration delay(Duration interval, int failures, double random) {
		Duration base = interval;
		for (int i = 0; i < failures && base.compareTo(this.maxBackoff) < 0; i++) {
			base = base.multipliedBy(2);
		}
		if (failures > 0 && base.compareTo(this.maxBackoff) > 0) {
			base = this.maxBackoff;
		}
		return base.plusMillis((long) (this.jitter.toMillis() * random));
	}
}
