package org.xtaserver.osci.simulator;

import java.time.OffsetDateTime;
import java.util.Map;
import org.xtaserver.osci.message.OsciMessageId;
import org.xtaserver.osci.message.ProcessCard;

/**
 * A stored delivery in a postbox. Mutable reception state lives in the postbox; instances are replaced.
 *
 * @param messageId the id
 * @param subject the subject or null
 * @param contentPackage verbatim ContentPackage content
 * @param attachments attachments by Content-ID
 * @param messageMetaData verbatim custom header XML (e.g. XTA MessageMetaData) or null
 * @param creation when stored
 * @param reception when first fetched, or null
 * @param recentModification last change
 */
public record Delivery(OsciMessageId messageId, String subject, byte[] contentPackage, Map<String, byte[]> attachments,
        String messageMetaData, OffsetDateTime creation, OffsetDateTime reception, OffsetDateTime recentModification) {

    public ProcessCard processCard() {
        return new ProcessCard(messageId, recentModification, creation, reception, reception, subject);
    }

    Delivery received(OffsetDateTime at) {
        return new Delivery(messageId, subject, contentPackage, attachments, messageMetaData, creation,
                reception == null ? at : reception, at);
    }
}
