package org.xtaserver.store;

import java.util.Map;
import org.xtaserver.message.StoredMessage;

/**
 * A message as {@link MessageStore#findWithSmallContent} read it: with the whole content of its
 * small parts, which the reader is about to be sent anyway.
 * @param contents content bytes by content id; parts not in it are read with
 * {@link MessageStore#openContent}
 */
public record MessageWithSmallContent(StoredMessage message, Map<Long, byte[]> contents) {

	/** Content up to this size comes along; it is read into memory anyway to be sent. */
	public static final int MAX_BYTES = 64 * 1024;

	public MessageWithSmallContent {
		contents = Map.copyOf(contents);
	}
}
