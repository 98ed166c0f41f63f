package org.xtaserver.audit;

/** What a caller did. */
public enum AuditAction {
	CHECK_ACCOUNT, CREATE_MESSAGE_ID, LOOKUP_SERVICE, SEND, SEND_SYNC, TRANSPORT_REPORT, CANCEL, LIST, FETCH, CLOSE,
	/** An attempt refused before any action could be named (unknown certificate, foreign identity). */
	AUTHENTICATE
}
