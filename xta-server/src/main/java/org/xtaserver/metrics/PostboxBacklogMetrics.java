package org.xtaserver.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.xtaserver.store.MessageStore;
import org.xtaserver.store.PostboxBacklog;

/**
 * Messages waiting in each postbox and the age of the oldest unclosed one, refreshed on a schedule
 * from one grouped query (scrapes never hit the database).
 */
public class PostboxBacklogMetrics {

	private static final Logger log = LoggerFactory.getLogger(PostboxBacklogMetrics.class);

	private final MessageStore store;

	private final Clock clock;

	private final MultiGauge waiting;

	private final MultiGauge oldestAge;

	public PostboxBacklogMetrics(MessageStore store, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.clock = clock;
		this.waiting = MultiGauge.builder("xta.postbox.messages.waiting")
			.description("Messages in a postbox not yet closed by the reader")
			.register(meters);
		this.oldestAge = MultiGauge.builder("xta.postbox.oldest.unclosed.age")
			.description("Age of the oldest message in a postbox not yet closed")
			.baseUnit("seconds")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${xta.metrics.backlog-interval:PT30S}", initialDelayString = "PT5S")
	public void refresh() {
		List<PostboxBacklog> backlog;
		try {
			backlog = this.store.backlog();
		}
		catch (DataAccessException ex) {
			log.warn("XTA-7001 postbox backlog not refreshed: database unavailable");
			return;
		}
		this.waiting.register(backlog.stream()
			.map((b) -> MultiGauge.Row.of(tags(b), b.waiting()))
			.toList(), true);
		this.oldestAge.register(backlog.stream()
			.map((b) -> MultiGauge.Row.of(tags(b), b.oldestEntry() == null ? 0
					: Duration.between(b.oldestEntry(), this.clock.instant()).toSeconds()))
			.toList(), true);
	}

	private static Tags tags(PostboxBacklog backlog) {
		return Tags.of("tenant", backlog.tenant().value(), "postbox", backlog.postbox().value());
	}
}
