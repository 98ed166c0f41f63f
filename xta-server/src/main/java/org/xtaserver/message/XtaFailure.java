package org.xtaserver.message;

/**
 * A request the server refuses, with the error the client gets. The detail must not carry payload
 * or personal data: it reaches the client and the log.
 */
public class XtaFailure extends RuntimeException {

	private final XtaError error;

	public XtaFailure(XtaError error, String detail) {
		super(detail == null ? error.text() : error.text() + ": " + detail);
		this.error = error;
	}

	public XtaError error() {
		return this.error;
	}
}
