package org.xtaserver.message;

/**
 * Every error this server reports to a client, with its XTA fault kind and its stable error code
 * (the {@code errorCode/code} of the XTA fault; listed for integrators in docs/).
 */
public enum XtaError {

	TECHNICAL_PROBLEM(Kind.TECHNICAL_PROBLEM, "9000", "Technical problem in the XTA server; try again later"),
	STORE_UNAVAILABLE(Kind.TECHNICAL_PROBLEM, "9001", "Message store temporarily unavailable; try again later"),

	NO_CLIENT_CERTIFICATE(Kind.PERMISSION_DENIED, "9100", "No client certificate presented"),
	UNKNOWN_CLIENT(Kind.PERMISSION_DENIED, "9101", "Client certificate not registered with any tenant"),
	AUTHOR_NOT_ALLOWED(Kind.PERMISSION_DENIED, "9102", "Client certificate may not act as this party"),
	NOT_YOUR_MESSAGE(Kind.PERMISSION_DENIED, "9103", "Message belongs to another party"),
	NOT_YOUR_POSTBOX(Kind.PERMISSION_DENIED, "9104", "Postbox belongs to another party"),

	UNKNOWN_MESSAGE_ID(Kind.INVALID_MESSAGE_ID, "9200", "Unknown message id"),
	MALFORMED_MESSAGE_ID(Kind.INVALID_MESSAGE_ID, "9201", "Malformed message id"),
	MESSAGE_NOT_FETCHED(Kind.INVALID_MESSAGE_ID, "9202", "Message has not been fetched and cannot be closed"),
	MESSAGE_NOT_AVAILABLE(Kind.INVALID_MESSAGE_ID, "9203", "Message is no longer offered in this postbox"),

	MISSING_PARAMETER(Kind.PARAMETER_NOT_VALID, "9300", "Required parameter missing"),
	MESSAGE_ID_NOT_RESERVED(Kind.PARAMETER_NOT_VALID, "9301", "Message id not created by createMessageId for this author"),
	DUPLICATE_MESSAGE_ID(Kind.PARAMETER_NOT_VALID, "9302", "A message with this id has already been accepted"),
	SIZE_MISMATCH(Kind.PARAMETER_NOT_VALID, "9303", "Declared size does not match the content"),
	MESSAGE_TOO_LARGE(Kind.PARAMETER_NOT_VALID, "9304", "Message exceeds the configured maximum size"),
	INVALID_PARAMETER(Kind.PARAMETER_NOT_VALID, "9305", "Parameter not valid"),
	AUTHOR_MISMATCH(Kind.PARAMETER_NOT_VALID, "9306", "Author in the metadata differs from the calling party"),

	SCHEMA_VIOLATION(Kind.SCHEMA_VIOLATION, "9400", "Message does not conform to the XTA schema"),

	SYNC_NOT_SUPPORTED(Kind.SYNC_ASYNC, "9500", "The reader cannot answer synchronously; use sendMessage"),

	CANCEL_DENIED(Kind.CANCEL_DENIED, "9600", "Message has already been fetched and cannot be cancelled");

	/** The XTA fault a client receives. */
	public enum Kind {
		TECHNICAL_PROBLEM, PERMISSION_DENIED, INVALID_MESSAGE_ID, PARAMETER_NOT_VALID, SCHEMA_VIOLATION, SYNC_ASYNC,
		CANCEL_DENIED
	}

	private final Kind kind;

	private final String code;

	private final String text;

	XtaError(Kind kind, String code, String text) {
		this.kind = kind;
		this.code = code;
		this.text = text;
	}

	public Kind kind() {
		return this.kind;
	}

	public String code() {
		return this.code;
	}

	public String text() {
		return this.text;
	}

	public XtaFailure failure(String detail) {
		return new XtaFailure(this, detail);
	}

	public XtaFailure failure() {
		return new XtaFailure(this, null);
	}
}
