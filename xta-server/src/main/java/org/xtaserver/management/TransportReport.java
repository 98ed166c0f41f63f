package org.xtaserver.management;

import java.time.Instant;
import java.util.List;
import org.xtaserver.message.StoredMessage;
import org.xtaserver.message.TransportEvent;

/** A message with its transport history, as of {@code reportTime}, from this server. */
public record TransportReport(StoredMessage message, List<TransportEvent> history, Instant reportTime,
		String serverIdentity) {
	public TransportReport {
		history = List.copyOf(history);
	}
}
