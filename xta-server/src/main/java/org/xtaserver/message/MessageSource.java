package org.xtaserver.message;

/** How a message entered this server. */
public enum MessageSource {
	/** Sent by a specialist procedure through SendXtaPort. */
	XTA,
	/** Fetched from an OSCI intermediary. */
	OSCI
}
