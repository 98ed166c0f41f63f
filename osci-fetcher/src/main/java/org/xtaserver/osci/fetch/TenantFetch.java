package org.xtaserver.osci.fetch;

/** One fetch round for one tenant: bring what waits at its intermediary into the store. */
@FunctionalInterface
public interface TenantFetch {

	/**
	 * @return what the round did
	 * @throws Exception any failure; the scheduler backs this tenant off and carries on with others
	 */
	FetchRound fetch(String tenantId) throws Exception;
}
