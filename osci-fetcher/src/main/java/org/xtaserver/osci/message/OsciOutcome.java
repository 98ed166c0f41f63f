package org.xtaserver.osci.message;

/**
 * What happened, from the fetching client's point of view: intermediary feedback codes and client-side checks.
 * Each value says what the operator should do.
 */
public enum OsciOutcome {
    /** 0xxx: order executed. */
    OK(false, "order executed"),
    /** 3800/3801: executed, more messages wait. */
    MORE_AVAILABLE(false, "executed; more messages wait in the postbox"),
    /** Other 3xxx warnings. */
    WARNING(false, "executed with a warning"),
    /** 9802: no explicit dialog (InitDialog missing or dialog expired). */
    NO_DIALOG(true, "no explicit dialog: open a dialog (InitDialog) first"),
    /** 9803: nothing matches the selection. */
    NO_MATCH(true, "no message matches the selection"),
    /** 9804: message id missing or unknown. */
    BAD_MESSAGE_ID(true, "message id missing or unknown"),
    /** 3707 (used as rejection) and certificate-related 9xxx. */
    CERTIFICATE_REJECTED(true, "the intermediary rejected our certificate"),
    /** Other 9xxx codes and SOAP faults. */
    ERROR(true, "the intermediary reported an error"),
    /** Client check: SupplierSignature missing or invalid. */
    SIGNATURE_INVALID(true, "response signature missing or invalid (wrong intermediary key or tampering)"),
    /** Client check: Response/ConversationId/SequenceNumber not echoed correctly (replay?). */
    CHALLENGE_MISMATCH(true, "response does not echo our challenge, conversation id or sequence number"),
    /** Client check: the intermediary certificate is expired, not yet valid or not the configured one. */
    CERTIFICATE_INVALID(true, "intermediary certificate expired, not yet valid or not the configured one"),
    /** Transport: the connection failed or was cut mid-response. */
    CONNECTION_FAILED(true, "connection failed or closed mid-response"),
    /** Transport: no answer in time. */
    TIMEOUT(true, "the intermediary did not answer in time"),
    /** Transport: non-200 HTTP status. */
    HTTP_ERROR(true, "the intermediary answered with an HTTP error status"),
    /** The response could not be decrypted or parsed. */
    MALFORMED_RESPONSE(true, "the response could not be decrypted or parsed");

    private final boolean failure;
    private final String description;

    OsciOutcome(boolean failure, String description) {
        this.failure = failure;
        this.description = description;
    }

    public boolean failure() {
        return failure;
    }

    public String description() {
        return description;
    }

    /** Maps an OSCI feedback code. */
    public static OsciOutcome ofCode(String code) {
        if (code == null || code.length() != 4) {
            return ERROR;
        }
        return switch (code) {
            case "3800", "3801" -> MORE_AVAILABLE;
            case "9802" -> NO_DIALOG;
            case "9803" -> NO_MATCH;
            case "9804" -> BAD_MESSAGE_ID;
            case "3707" -> CERTIFICATE_REJECTED;
            default -> switch (code.charAt(0)) {
                case '0' -> OK;
                case '3' -> WARNING;
                default -> ERROR;
            };
        };
    }
}
