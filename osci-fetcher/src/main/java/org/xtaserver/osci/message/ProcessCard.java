package org.xtaserver.osci.message;

import java.time.OffsetDateTime;

/**
 * A process card (Laufzettel) with its message id. Timestamps are the {@code Plain} ones; cryptographic
 * timestamps are reported as null here.
 *
 * @param messageId the OSCI message id
 * @param recentModification last modification (required)
 * @param creation when the intermediary accepted the delivery
 * @param forwarding when it was forwarded/fetched, or null
 * @param reception when the addressee received it, or null (not yet fetched)
 * @param subject the subject, or null
 */
public record ProcessCard(OsciMessageId messageId, OffsetDateTime recentModification, OffsetDateTime creation,
        OffsetDateTime forwarding, OffsetDateTime reception, String subject) {
}
