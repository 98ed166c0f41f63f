package org.xtaserver.store.jdbc;

import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xtaserver.store.ServerSecrets;

/** {@link ServerSecrets} in the {@code server_secret} table. */
public class JdbcServerSecrets implements ServerSecrets {

	private final JdbcTemplate jdbc;

	private final SecureRandom random;

	private final Clock clock;

	public JdbcServerSecrets(JdbcTemplate jdbc, SecureRandom random, Clock clock) {
		this.jdbc = jdbc;
		this.random = random;
		this.clock = clock;
	}

	@Override
	public byte[] secret(String name, int length) {
		byte[] candidate = new byte[length];
		this.random.nextBytes(candidate);
		// Replicas starting together may both offer one: the first insert wins and all read it.
		try {
			this.jdbc.update("INSERT IGNORE INTO server_secret (name, secret, created_at) VALUES (?, ?, ?)", name,
					candidate, SqlTime.utc(this.clock.instant()));
		}
		catch (ConcurrencyFailureException ex) {
			// On Galera the loser of that race is aborted at certification instead: the winner's stays.
		}
		return this.jdbc.queryForObject("SELECT secret FROM server_secret WHERE name = ?", byte[].class, name);
	}
}
