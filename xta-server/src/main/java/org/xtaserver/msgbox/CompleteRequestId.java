package org.xtaserver.msgbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.xtaserver.security.Caller;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantId;
import org.xtaserver.tenant.pki.Fingerprints;

/**
 * The MsgBoxRequestID of a listing or fetch answered in full (ItemsPending 0). Such a request has
 * nothing to continue, so it is not stored: the id itself carries its expiry and a digest of its
 * postbox, enough to answer a getNextStatusList or getNextMessage under it as a stored request at
 * its end would be answered (nothing more; another postbox's id refused; expired ids unknown).
 * Otherwise every poll of every specialist procedure would write a row that housekeeping deletes
 * again, and on Galera each write is a round of certification.
 *
 * <p>The id is not a secret and needs none: forging one yields an empty answer, nothing else.
 */
record CompleteRequestId(Instant expiresAt, String postbox, String value) {

	private static final String PREFIX = MsgBoxService.REQUEST_ID_PREFIX + "complete:";

	/** A new id for {@code caller}'s postbox, valid until {@code expiresAt} (whole seconds). */
	static CompleteRequestId issue(Caller caller, Instant expiresAt) {
		long seconds = expiresAt.getEpochSecond();
		String postbox = postboxDigest(caller.tenant(), caller.party());
		return new CompleteRequestId(Instant.ofEpochSecond(seconds), postbox,
				PREFIX + seconds + ":" + postbox + ":" + UUID.randomUUID());
	}

	/** The complete request {@code requestId} names; empty for any other id (a stored one, or malformed). */
	static Optional<CompleteRequestId> parse(String requestId) {
		if (requestId == null || !requestId.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String[] fields = requestId.substring(PREFIX.length()).split(":", -1);
		if (fields.length != 3 || fields[1].isEmpty() || fields[2].isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new CompleteRequestId(Instant.ofEpochSecond(Long.parseLong(fields[0])), fields[1],
					requestId));
		}
		catch (RuntimeException ex) {
			// Not a number, or beyond Instant's range: not one of ours.
			return Optional.empty();
		}
	}

	boolean expiredAt(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	boolean belongsTo(Caller caller) {
		return this.postbox.equals(postboxDigest(caller.tenant(), caller.party()));
	}

	/** Names the postbox without showing its identifier in ids that clients log. */
	private static String postboxDigest(TenantId tenant, PartyId party) {
		String postbox = String.join("\n", tenant.value(), party.type(), party.value());
		return Fingerprints.sha256(postbox.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
	}
}
