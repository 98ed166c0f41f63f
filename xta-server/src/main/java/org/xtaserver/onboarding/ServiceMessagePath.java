package org.xtaserver.onboarding;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.xtaserver.management.ManagementService;
import org.xtaserver.message.ContentKind;
import org.xtaserver.message.MessageId;
import org.xtaserver.message.MessageMetadata;
import org.xtaserver.message.MessageStatus;
import org.xtaserver.message.NewPart;
import org.xtaserver.message.PartAttributes;
import org.xtaserver.message.PartRole;
import org.xtaserver.message.StoredMessage;
import org.xtaserver.message.StoredPart;
import org.xtaserver.msgbox.MsgBoxService;
import org.xtaserver.security.Caller;
import org.xtaserver.send.SendService;
import org.xtaserver.send.Submission;
import org.xtaserver.store.MessageStore;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.xta.v3.V3MetadataDocuments;

/**
 * The test message's path through the server's own services, the ones behind ManagementPort,
 * SendXtaPort and MsgBoxPort: the same checks, store, audit trail and metrics as a message of the
 * specialist procedure. TLS and SOAP are not part of it (the server holds no client key).
 */
final class ServiceMessagePath implements MessagePath {

	static final String FILENAME = "xta-abnahmetest.txt";

	private final ManagementService management;

	private final SendService send;

	private final MsgBoxService msgBox;

	private final MessageStore store;

	private final V3MetadataDocuments metadata;

	private final Clock clock;

	ServiceMessagePath(ManagementService management, SendService send, MsgBoxService msgBox, MessageStore store,
			V3MetadataDocuments metadata, Clock clock) {
		this.management = management;
		this.send = send;
		this.msgBox = msgBox;
		this.store = store;
		this.metadata = metadata;
		this.clock = clock;
	}

	@Override
	public MessageId send(Caller caller, PartyId postbox, String service, String subject, byte[] payload) {
		MessageId id = this.management.createMessageId(caller);
		Instant now = this.clock.instant();
		MessageMetadata meta = this.metadata.derived(id, postbox, postbox, service, subject, now, now);
		PartAttributes attributes = new PartAttributes("text/plain", "XTA-Abnahmetest", "UTF-8", FILENAME, null, null,
				(long) payload.length);
		StoredMessage stored = this.send.send(caller, new Submission(meta, ContentKind.PLAIN,
				List.of(new NewPart(PartRole.MESSAGE, attributes, new ByteArrayInputStream(payload)))));
		return stored.id();
	}

	@Override
	public byte[] fetch(Caller caller, MessageId id) {
		MsgBoxService.FetchResult result = this.msgBox.fetch(caller,
				new MsgBoxService.Selection(List.of(id), null, null, null));
		StoredMessage message = result.message()
			.orElseThrow(() -> new IllegalStateException("getMessage offered no message for " + id));
		if (!message.id().equals(id)) {
			throw new IllegalStateException("getMessage offered " + message.id() + " instead of " + id);
		}
		StoredPart part = message.parts()
			.stream()
			.filter((p) -> p.role() == PartRole.MESSAGE)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the stored message has no message part"));
		try (InputStream in = this.store.openContent(part.contentId())) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("reading the stored content failed", ex);
		}
	}

	@Override
	public void close(Caller caller, MessageId id) {
		this.msgBox.close(caller, List.of(id));
		StoredMessage after = this.store.find(id).orElseThrow(() -> new IllegalStateException(id + " vanished"));
		if (after.status() != MessageStatus.CLOSED) {
			throw new IllegalStateException("message is " + after.status() + " after close");
		}
	}

	@Override
	public void discard(Caller caller, MessageId id) {
		try {
			StoredMessage message = this.store.find(id).orElse(null);
			if (message == null) {
				return;
			}
			switch (message.status()) {
				case FETCHED -> this.msgBox.close(caller, List.of(id));
				case IN_POSTBOX -> this.management.cancel(caller, id);
				default -> {
				}
			}
		}
		catch (RuntimeException ex) {
			// best effort: the report already says the test failed
		}
	}
}
