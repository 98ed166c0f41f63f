package org.xtaserver.store;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Removes what no one can reach any more: expired MsgBox request ids, and content of uploads that
 * never became a message (a client that disconnected, a server killed mid-upload).
 */
public class StoreHousekeeping {

	private static final Logger log = LoggerFactory.getLogger(StoreHousekeeping.class);

	/** An upload older than this without a message is abandoned. */
	static final Duration ABANDONED_AFTER = Duration.ofHours(6);

	private final MsgBoxRequestStore requests;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	public StoreHousekeeping(MsgBoxRequestStore requests, JdbcTemplate jdbc, Clock clock) {
		this.requests = requests;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${xta.store.housekeeping-interval:PT10M}", initialDelayString = "PT1M")
	public void run() {
		int expired = this.requests.purgeExpired(this.clock.instant());
		LocalDateTime cutoff = LocalDateTime.ofInstant(this.clock.instant().minus(ABANDONED_AFTER), ZoneOffset.UTC);
		// Small batches keep each transaction (and Galera write set) short.
		int abandoned = 0;
		int batch;
		do {
			batch = this.jdbc.update("DELETE FROM content WHERE complete = FALSE AND created_at < ? LIMIT 100", cutoff);
			abandoned += batch;
		}
		while (batch == 100);
		if (expired + abandoned > 0) {
			log.info("XTA-1010 housekeeping removed {} expired MsgBox requests and {} abandoned uploads", expired, abandoned);
		}
	}
}
