package org.xtaserver.osci.client;

import java.util.List;
import java.util.Map;
import org.xtaserver.osci.message.FeedbackEntry;
import org.xtaserver.osci.message.OsciMessageId;
import org.xtaserver.osci.message.ProcessCard;

/**
 * One fetched delivery. Content stays end-to-end encrypted: nothing here was decrypted beyond the transport layer.
 *
 * @param messageId the OSCI message id
 * @param processCard the process card as sent with the delivery (Forwarding/Reception as recorded by the fetch)
 * @param contentPackage bytes between the {@code osci:ContentPackage} tags exactly as received
 *        ({@code xenc:EncryptedData}/{@code ContentContainer} elements)
 * @param messageMetaData the XTA {@code MessageMetaData} custom header element bytes, or null
 * @param attachments MIME attachments by Content-ID (still end-to-end encrypted where the sender encrypted them)
 * @param feedback the intermediary's feedback entries
 * @param moreWaiting feedback 3800/3801: more deliveries wait
 */
public record FetchedDelivery(OsciMessageId messageId, ProcessCard processCard, byte[] contentPackage,
        byte[] messageMetaData, Map<String, byte[]> attachments, List<FeedbackEntry> feedback, boolean moreWaiting) {
}
