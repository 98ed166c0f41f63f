package org.xtaserver.store;

import org.xtaserver.message.MessageId;

/** The message id was not handed out to this author by createMessageId, or was used already. */
public class MessageIdNotReservedException extends RuntimeException {
	public MessageIdNotReservedException(MessageId id) {
		super("message id " + id + " was not created for this author by createMessageId");
	}
}
