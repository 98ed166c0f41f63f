package org.xtaserver.store;

import org.xtaserver.message.MessageId;

/** A message with this id has been accepted before. */
public class DuplicateMessageException extends RuntimeException {
	public DuplicateMessageException(MessageId id) {
		super("a message with id " + id + " has already been accepted");
	}
}
