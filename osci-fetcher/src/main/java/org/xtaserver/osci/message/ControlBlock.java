package org.xtaserver.osci.message;

/**
 * The OSCI {@code ControlBlock}: dialog id, sequence number and the challenge/response pair.
 *
 * @param conversationId digits only; null in InitDialog
 * @param sequenceNumber null in InitDialog and ResponseToInitDialog
 * @param response the echoed challenge of the peer, or null
 * @param challenge a fresh challenge, or null
 */
public record ControlBlock(String conversationId, Integer sequenceNumber, String response, String challenge) {

    public ControlBlock {
        if (conversationId != null && !conversationId.matches("\\d+")) {
            throw new IllegalArgumentException("ConversationId must be digits only: " + conversationId);
        }
    }
}
