package org.xtaserver.message;

import java.time.Instant;
import java.util.Objects;

/** One step of a message's transport history. */
public record TransportEvent(MessageStatus status, Instant at, String detail) {
	public TransportEvent {
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(at, "at");
	}
}
