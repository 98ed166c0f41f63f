package org.xtaserver.message;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The identifier of one XTA message, as carried in {@code wsa:MessageID} and
 * {@code MsgIdentification/MessageID}: a URI without whitespace, at most 255 characters.
 */
public record MessageId(String value) {

	private static final Pattern URI_LIKE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");

	public static final String PREFIX = "urn:de:xta:messageid:";

	public MessageId {
		Objects.requireNonNull(value, "value");
		if (value.length() > 255 || !URI_LIKE.matcher(value).matches()) {
			throw new IllegalArgumentException("not a message id (a URI of at most 255 characters): " + abbreviate(value));
		}
	}

	public static MessageId of(String value) {
		return new MessageId(value == null ? null : value.trim());
	}

	/** A fresh, globally unique id in this server's URN namespace. */
	public static MessageId newUnique(String serverIdentity) {
		return new MessageId(PREFIX + serverIdentity + ":" + UUID.randomUUID());
	}

	private static String abbreviate(String value) {
		return value.length() <= 80 ? value : value.substring(0, 80) + "...";
	}

	@Override
	public String toString() {
		return this.value;
	}
}
