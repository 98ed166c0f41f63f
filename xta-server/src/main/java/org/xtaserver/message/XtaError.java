package org.xtaserver.message;

/**
 * Every error this server reports to a client: its XTA fault kind, its entry in the XTA-WS error
 * code list (the fault's {@code errorCode}) and an English explanation for the fault reason.
 */
public enum XtaError {

	TECHNICAL_PROBLEM(Kind.TECHNICAL_PROBLEM, Code.C9030, "Technical problem in the XTA server; try again later"),
	STORE_UNAVAILABLE(Kind.TECHNICAL_PROBLEM, Code.C9030, "Message store temporarily unavailable; try again later"),

	NO_CLIENT_CERTIFICATE(Kind.PERMISSION_DENIED, Code.C9012, "No client certificate presented"),
	UNKNOWN_CLIENT(Kind.PERMISSION_DENIED, Code.C9012, "Client certificate not registered with any tenant"),
	AUTHOR_NOT_ALLOWED(Kind.PERMISSION_DENIED, Code.C9014, "Client certificate may not act as this party"),
	NOT_YOUR_MESSAGE(Kind.PERMISSION_DENIED, Code.C9014, "Message belongs to another party"),
	NOT_YOUR_POSTBOX(Kind.PERMISSION_DENIED, Code.C9014, "Postbox belongs to another party"),

	UNKNOWN_MESSAGE_ID(Kind.INVALID_MESSAGE_ID, Code.C9070, "Unknown message id"),
	MALFORMED_MESSAGE_ID(Kind.INVALID_MESSAGE_ID, Code.C9070, "Malformed message id"),
	MESSAGE_NOT_FETCHED(Kind.INVALID_MESSAGE_ID, Code.C9070, "Message has not been fetched and cannot be closed"),
	MESSAGE_NOT_AVAILABLE(Kind.INVALID_MESSAGE_ID, Code.C9070, "Message is no longer offered in this postbox"),

	MISSING_PARAMETER(Kind.PARAMETER_NOT_VALID, Code.C9020, "Required parameter missing"),
	MESSAGE_ID_NOT_RESERVED(Kind.PARAMETER_NOT_VALID, Code.C9022, "Message id not created by createMessageId for this author"),
	DUPLICATE_MESSAGE_ID(Kind.PARAMETER_NOT_VALID, Code.C9024, "A message with this id has already been accepted"),
	SIZE_MISMATCH(Kind.PARAMETER_NOT_VALID, Code.C9022, "Declared size does not match the content"),
	MESSAGE_TOO_LARGE(Kind.PARAMETER_NOT_VALID, Code.C9023, "Message exceeds the configured maximum size"),
	INVALID_PARAMETER(Kind.PARAMETER_NOT_VALID, Code.C9022, "Parameter not valid"),
	AUTHOR_MISMATCH(Kind.PARAMETER_NOT_VALID, Code.C9022, "Author in the metadata differs from the calling party"),

	SCHEMA_VIOLATION(Kind.SCHEMA_VIOLATION, Code.C9050, "Message does not conform to the XTA schema"),

	SYNC_NOT_SUPPORTED(Kind.SYNC_ASYNC, Code.C9080, "The reader cannot answer synchronously; use sendMessage"),

	CANCEL_DENIED(Kind.CANCEL_DENIED, Code.C9000, "Message has already been fetched and cannot be cancelled");

	/**
	 * The entries of the XTA-WS code list {@code urn:de:xta:webservice:codeliste:fehlernummer}
	 * (version 1.0) this server uses, with their official names.
	 */
	public enum Code {
		C9000("9000", "Unspezifizierter Fehler, als Freitext beschrieben"),
		C9012("9012", "Account nicht vorhanden."),
		C9014("9014", "Authentisierung/Zertifikat passt nicht zur Absenderkennung."),
		C9020("9020", "Keine Parameter vorhanden"),
		C9022("9022", "Ungültige Parameterkombination"),
		C9023("9023", "Die Nachricht überschreitet die Größenbeschränkung."),
		C9024("9024", "MessageID ist bereits vergeben."),
		C9030("9030", "Interner Fehler beim XTA-Server bzw. XTA-Dienstleister"),
		C9050("9050", "Fachnachricht ist nicht schemakonform"),
		C9070("9070", "MessageID für den Account nicht bekannt."),
		C9080("9080", "Der Dienst wird nur asynchron angeboten.");

		private final String number;

		private final String officialName;

		Code(String number, String officialName) {
			this.number = number;
			this.officialName = officialName;
		}

		public String number() {
			return this.number;
		}

		public String officialName() {
			return this.officialName;
		}
	}

	/** The XTA fault a client receives. */
	public enum Kind {
		TECHNICAL_PROBLEM, PERMISSION_DENIED, INVALID_MESSAGE_ID, PARAMETER_NOT_VALID, SCHEMA_VIOLATION, SYNC_ASYNC,
		CANCEL_DENIED
	}

	private final Kind kind;

	private final Code code;

	private final String text;

	XtaError(Kind kind, Code code, String text) {
		this.kind = kind;
		this.code = code;
		this.text = text;
	}

	public Kind kind() {
		return this.kind;
	}

	public Code code() {
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
