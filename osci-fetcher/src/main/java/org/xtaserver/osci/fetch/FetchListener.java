package org.xtaserver.osci.fetch;

import java.time.Duration;

/** Told about every round; the server turns this into logs, metrics and health. */
public interface FetchListener {

	void succeeded(String tenantId, FetchRound round, Duration took);

	void failed(String tenantId, Exception cause, Duration took, int consecutiveFailures, Duration retryIn);

	/** The round was skipped because another instance holds the tenant's lease. */
	default void skipped(String tenantId) {
	}
}
