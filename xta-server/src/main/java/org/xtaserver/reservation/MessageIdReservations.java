package org.xtaserver.reservation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.xtaserver.message.MessageId;
import org.xtaserver.store.ServerSecrets;
import org.xtaserver.tenant.PartyId;

/**
 * Reserves message ids for their author (createMessageId) without writing a row: an id ends with
 * an HMAC of itself and its author under a key the replicas share through the database, so that
 * sendMessage recognises an id reserved here for that author without a query, and the store's
 * unique message id refuses its second use. A reservation needs no expiry: like the rows of
 * earlier versions, an id stays reserved until it is used.
 */
public class MessageIdReservations {

	private static final String KEY_NAME = "message-id-hmac";

	private static final int KEY_BYTES = 32;

	/** 128 bits of the HMAC: far beyond guessing, and short enough for ids that people read in logs. */
	private static final int TAG_HEX_CHARS = 32;

	private static final String ALGORITHM = "HmacSHA256";

	private final ServerSecrets secrets;

	private final String serverIdentity;

	/** Loaded on first use rather than at start, so that a database away at start only fails requests. */
	private volatile SecretKeySpec key;

	public MessageIdReservations(ServerSecrets secrets, String serverIdentity) {
		this.secrets = secrets;
		this.serverIdentity = serverIdentity;
	}

	/** A fresh id, reserved for {@code author}. */
	public MessageId reserve(PartyId author) {
		String body = MessageId.newUnique(this.serverIdentity).value();
		return new MessageId(body + ":" + tag(body, author));
	}

	/** Whether {@code id} was reserved here for {@code author}; says nothing about whether it was used. */
	public boolean reservedFor(MessageId id, PartyId author) {
		String value = id.value();
		int separator = value.lastIndexOf(':');
		// Ids of other servers and clients are told apart without the key (or the database).
		if (!value.startsWith(MessageId.PREFIX) || value.length() - separator - 1 != TAG_HEX_CHARS) {
			return false;
		}
		byte[] expected = tag(value.substring(0, separator), author).getBytes(StandardCharsets.US_ASCII);
		byte[] actual = value.substring(separator + 1).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, actual);
	}

	private String tag(String body, PartyId author) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key());
			// Separated by a byte that none of the three can contain unescaped.
			mac.update(String.join("\u0000", body, author.type(), author.value()).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal()).substring(0, TAG_HEX_CHARS);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ALGORITHM + " is part of every Java platform", ex);
		}
	}

	private SecretKeySpec key() {
		SecretKeySpec loaded = this.key;
		if (loaded == null) {
			// Two threads may both load it: both get the same stored secret.
			loaded = new SecretKeySpec(this.secrets.secret(KEY_NAME, KEY_BYTES), ALGORITHM);
			this.key = loaded;
		}
		return loaded;
	}
}
