package org.xtaserver.message;

/** Where a message stands in its transport; each change is kept as a {@link TransportEvent}. */
public enum MessageStatus {
	/** Accepted from its author and committed. */
	ACCEPTED,
	/** Kept for a reader not served by this server until OSCI transport takes it. */
	AWAITING_TRANSPORT,
	/** In the reader's postbox on this server, not yet fetched and closed. */
	IN_POSTBOX,
	/** Fetched by the reader at least once, not yet closed (it is offered again). */
	FETCHED,
	/** Closed by the reader: delivered. */
	CLOSED,
	/** Cancelled by its author before the reader fetched it. */
	CANCELLED,
	/** Transport failed for good. */
	FAILED;

	/** Whether the reader still sees the message in its postbox. */
	public boolean offeredToReader() {
		return this == IN_POSTBOX || this == FETCHED;
	}
}
