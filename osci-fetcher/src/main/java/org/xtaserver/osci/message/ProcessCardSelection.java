package org.xtaserver.osci.message;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The {@code SelectionRule} and {@code Quantity} of FetchProcessCard.
 *
 * @param messageIds select these ids (other criteria ignored), or empty
 * @param mode date criterion when no ids given
 * @param since the date of the criterion
 * @param noReception only cards without reception (date criteria only)
 * @param role Addressee or Originator (date criteria only), or null
 * @param limit {@code Quantity/@Limit}, or null
 */
public record ProcessCardSelection(List<OsciMessageId> messageIds, Mode mode, OffsetDateTime since,
        boolean noReception, String role, Integer limit) {

    /** Which date the criterion uses. */
    public enum Mode { RECEPTION_OF_DELIVERY, RECENT_MODIFICATION }

    public ProcessCardSelection {
        messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
    }

    /** Not-yet-received deliveries addressed to me (the zustellix/Governikus listing pattern). */
    public static ProcessCardSelection pendingForAddressee(int limit) {
        return new ProcessCardSelection(List.of(), Mode.RECENT_MODIFICATION,
                OffsetDateTime.parse("1970-01-01T00:00:00Z"), true, "Addressee", limit);
    }

    /** All my cards modified since {@code since}. */
    public static ProcessCardSelection modifiedSince(OffsetDateTime since, Integer limit) {
        return new ProcessCardSelection(List.of(), Mode.RECENT_MODIFICATION, since, false, "Addressee", limit);
    }

    /** The cards of the given ids. */
    public static ProcessCardSelection ofIds(List<OsciMessageId> ids) {
        return new ProcessCardSelection(ids, null, null, false, null, null);
    }
}
