package org.xtaserver.osci.fetch;

import java.time.Duration;

/**
 * Makes sure only one server instance fetches a tenant at a time. A lease not renewed expires
 * after its time to live, so a dead instance's tenants are taken over.
 */
public interface FetchLease {

	/** Takes or renews the lease of {@code tenantId} for {@code owner}; false when another owner holds it. */
	boolean tryAcquire(String tenantId, String owner, Duration ttl);

	void release(String tenantId, String owner);

	/** For a single instance: every lease is granted. */
	static FetchLease local() {
		return new FetchLease() {
			@Override
			public boolean tryAcquire(String tenantId, String owner, Duration ttl) {
				return true;
			}

			@Override
			public void release(String tenantId, String owner) {
			}
		};
	}
}
