package org.xtaserver.fetch;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xtaserver.osci.fetch.FetchLease;

/**
 * Tenant leases in the shared database: one statement takes a free or expired lease or renews
 * one's own; a lease of a dead instance expires and is taken over. Works on MariaDB and Galera
 * (a certification conflict simply means "not acquired this time").
 */
public class JdbcFetchLease implements FetchLease {

	private static final Logger log = LoggerFactory.getLogger(JdbcFetchLease.class);

	private final JdbcTemplate jdbc;

	public JdbcFetchLease(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean tryAcquire(String tenantId, String owner, Duration ttl) {
		long micros = ttl.toNanos() / 1000;
		try {
			// owner is assigned first: the expires_at expression then sees whether we own the row now.
			this.jdbc.update("INSERT INTO fetch_lease (tenant_id, owner, expires_at) "
					+ "VALUES (?, ?, DATE_ADD(UTC_TIMESTAMP(6), INTERVAL ? MICROSECOND)) ON DUPLICATE KEY UPDATE "
					+ "owner = IF(owner = VALUES(owner) OR expires_at < UTC_TIMESTAMP(6), VALUES(owner), owner), "
					+ "expires_at = IF(owner = VALUES(owner), VALUES(expires_at), expires_at)", tenantId, owner, micros);
			List<String> holder = this.jdbc.queryForList("SELECT owner FROM fetch_lease WHERE tenant_id = ?", String.class,
					tenantId);
			return holder.size() == 1 && holder.get(0).equals(owner);
		}
		catch (DataAccessException ex) {
			log.warn("XTA-8010 lease of tenant {} not acquired: {}", tenantId, ex.getMostSpecificCause().getMessage());
			return false;
		}
	}

	@Override
	public void release(String tenantId, String owner) {
		try {
			this.jdbc.update("DELETE FROM fetch_lease WHERE tenant_id = ? AND owner = ?", tenantId, owner);
		}
		catch (DataAccessException ex) {
			// The lease then simply expires.
			log.warn("XTA-8011 lease of tenant {} not released: {}", tenantId, ex.getMostSpecificCause().getMessage());
		}
	}
}
