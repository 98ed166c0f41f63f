package org.xtaserver.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xtaserver.store.embedded.MariaDbExtension;

class JdbcFetchLeaseTests {

	@RegisterExtension
	static final MariaDbExtension mariaDb = new MariaDbExtension();

	private JdbcFetchLease lease;

	private JdbcTemplate jdbc;

	@BeforeEach
	void setUp() {
		this.jdbc = new JdbcTemplate(mariaDb.dataSource());
		this.jdbc.update("DELETE FROM fetch_lease");
		this.lease = new JdbcFetchLease(this.jdbc);
	}

	@Test
	void onlyOneInstanceHoldsATenantAndMayRenewIt() {
		assertThat(this.lease.tryAcquire("musterstadt", "instance-a", Duration.ofMinutes(2))).isTrue();
		assertThat(this.lease.tryAcquire("musterstadt", "instance-b", Duration.ofMinutes(2))).isFalse();
		assertThat(this.lease.tryAcquire("musterstadt", "instance-a", Duration.ofMinutes(2))).as("renewal").isTrue();
		assertThat(this.lease.tryAcquire("beispielhausen", "instance-b", Duration.ofMinutes(2))).isTrue();
	}

	@Test
	void anExpiredLeaseOfADeadInstanceIsTakenOver() {
		assertThat(this.lease.tryAcquire("musterstadt", "dead", Duration.ofMinutes(2))).isTrue();
		this.jdbc.update("UPDATE fetch_lease SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE tenant_id = ?",
				"musterstadt");
		assertThat(this.lease.tryAcquire("musterstadt", "alive", Duration.ofMinutes(2))).isTrue();
		assertThat(this.lease.tryAcquire("musterstadt", "dead", Duration.ofMinutes(2))).isFalse();
	}

	@Test
	void aReleasedLeaseIsFreeForOthersAtOnce() {
		assertThat(this.lease.tryAcquire("musterstadt", "instance-a", Duration.ofMinutes(2))).isTrue();
		this.lease.release("musterstadt", "instance-b");
		assertThat(this.lease.tryAcquire("musterstadt", "instance-b", Duration.ofMinutes(2))).as("release by non-owner is ignored").isFalse();
		this.lease.release("musterstadt", "instance-a");
		assertThat(this.lease.tryAcquire("musterstadt", "instance-b", Duration.ofMinutes(2))).isTrue();
	}
}
