package org.xtaserver.onboarding;

import org.xtaserver.message.MessageId;
import org.xtaserver.security.Caller;
import org.xtaserver.tenant.PartyId;

/**
 * The way a specialist procedure's message takes through the server, step by step, for the test
 * message of the acceptance report. Each step is what one XTA operation does behind its port.
 */
interface MessagePath {

	/** createMessageId and sendMessage from {@code postbox} to itself; returns the message id once committed. */
	MessageId send(Caller caller, PartyId postbox, String service, String subject, byte[] payload);

	/** getMessage by id: the bytes of the message part as the reader would download them. */
	byte[] fetch(Caller caller, MessageId id);

	/** close: acknowledges the message, so it is never offered again. */
	void close(Caller caller, MessageId id);

	/** Best effort after a failed step: takes the test message out of the postbox if it is still there. */
	void discard(Caller caller, MessageId id);
}
