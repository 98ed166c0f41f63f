package org.xtaserver.store;

import java.util.List;
import org.xtaserver.message.StoredMessage;

/** One page of a postbox listing and how many matching messages follow it. */
public record PostboxPage(List<StoredMessage> messages, long remaining) {
	public PostboxPage {
		messages = List.copyOf(messages);
	}

	public long lastKey(long otherwise) {
		return this.messages.isEmpty() ? otherwise : this.messages.get(this.messages.size() - 1).key();
	}
}
