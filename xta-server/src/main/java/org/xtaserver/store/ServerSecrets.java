package org.xtaserver.store;

/** Secrets shared by every replica on one database, created at random on first use. */
public interface ServerSecrets {

	/**
	 * The secret {@code name}: the same bytes for every replica and across restarts; created with
	 * {@code length} random bytes when no replica has created it yet.
	 */
	byte[] secret(String name, int length);
}
