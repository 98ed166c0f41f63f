package org.xtaserver.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xtaserver.message.CanonicalXml;
import org.xtaserver.message.ContentKind;
import org.xtaserver.message.MessageId;
import org.xtaserver.message.MessageMetadata;
import org.xtaserver.message.MessageSource;
import org.xtaserver.message.NewMessage;
import org.xtaserver.message.NewPart;
import org.xtaserver.message.PartAttributes;
import org.xtaserver.message.PartRole;
import org.xtaserver.message.StoredMessage;
import org.xtaserver.metrics.MessageMetrics;
import org.xtaserver.osci.client.FetchedDelivery;
import org.xtaserver.osci.message.ProcessCard;
import org.xtaserver.store.DuplicateMessageException;
import org.xtaserver.store.MessageStore;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.Postbox;
import org.xtaserver.tenant.ServiceOffer;
import org.xtaserver.tenant.Tenant;
import org.xtaserver.xta.v3.V3MetadataDocuments;

/**
 * Puts one fetched OSCI delivery into its tenant's postbox, exactly once (keyed by the OSCI message
 * id per tenant). The content stays as the sender encrypted it: a single {@code xenc:EncryptedData}
 * becomes an XTA EncryptedData container; anything else is offered as received (the ContentPackage
 * as message part, OSCI attachments as attachments).
 */
public class OsciDeliveryImporter {

	private static final Logger log = LoggerFactory.getLogger(OsciDeliveryImporter.class);

	static final String XENC = "http://www.w3.org/2001/04/xmlenc#";

	/** Prefixes the ContentPackage may use without declaring them (the OSCI envelope declares them). */
	private static final String WRAPPER_OPEN = "<osci:ContentPackage xmlns:osci=\"http://www.osci.de/2002/04/osci\" "
			+ "xmlns:xenc=\"" + XENC + "\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">";

	private final MessageStore store;

	private final V3MetadataDocuments metadata;

	private final CanonicalXml xml;

	private final MessageMetrics metrics;

	private final Clock clock;

	public OsciDeliveryImporter(MessageStore store, V3MetadataDocuments metadata, CanonicalXml xml,
			MessageMetrics metrics, Clock clock) {
		this.store = store;
		this.metadata = metadata;
		this.xml = xml;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** Whether the tenant already holds the delivery with this OSCI id. */
	public boolean isStored(Tenant tenant, String osciMessageId) {
		return this.store.findBySource(tenant.id(), MessageSource.OSCI, osciMessageId).isPresent();
	}

	/** Stores the delivery; {@code false} when it was stored before (a repeated fetch). */
	public boolean importDelivery(Tenant tenant, FetchedDelivery delivery, String intermediary) {
		String osciId = delivery.messageId().wire();
		if (isStored(tenant, osciId)) {
			return false;
		}
		MessageMetadata md = metadataOf(tenant, delivery, intermediary);
		Content content = contentOf(delivery);
		NewMessage message = new NewMessage(md, MessageSource.OSCI, null, tenant.id(), content.kind(), content.parts(),
				osciId, originNote(delivery.processCard()));
		try {
			StoredMessage stored = this.store.acceptUnreserved(message, this.clock.instant());
			this.metrics.received(tenant.id(), MessageSource.OSCI);
			log.info("XTA-8001 OSCI delivery {} of tenant {} stored as {} ({} bytes)", osciId, tenant.id().value(),
					stored.id(), stored.contentSize());
			return true;
		}
		catch (DuplicateMessageException ex) {
			// Another instance or an earlier round committed it first.
			return false;
		}
	}

	private MessageMetadata metadataOf(Tenant tenant, FetchedDelivery delivery, String intermediary) {
		MessageId derivedId = MessageId.of("urn:de:xta:messageid:osci:" + tenant.id().value() + ":" + delivery.messageId().wire());
		if (delivery.messageMetaData() != null) {
			MessageId senderId = this.metadata.senderMessageId(delivery.messageMetaData());
			MessageId id = (senderId != null && this.store.find(senderId).isEmpty()) ? senderId : derivedId;
			try {
				return this.metadata.fromSenderHeader(delivery.messageMetaData(), id);
			}
			catch (IllegalArgumentException | org.xtaserver.message.XtaFailure ex) {
				log.warn("XTA-8002 MessageMetaData of OSCI delivery {} (tenant {}) not usable, deriving it: {}",
						delivery.messageId().wire(), tenant.id().value(), ex.getMessage());
			}
		}
		Postbox postbox = tenant.postboxes().get(0);
		String service = postbox.services().stream().map(ServiceOffer::service).findFirst().orElse("urn:de:xta:osci12:delivery");
		ProcessCard card = delivery.processCard();
		return this.metadata.derived(derivedId, PartyId.of("osci", "intermediary:" + intermediary), postbox.identifier(),
				service, card == null ? null : card.subject(), instant(card == null ? null : card.creation()),
				instant(card == null ? null : card.forwarding()));
	}

	private Content contentOf(FetchedDelivery delivery) {
		byte[] pkg = delivery.contentPackage() == null ? new byte[0] : delivery.contentPackage();
		if (delivery.attachments().isEmpty()) {
			Element single = singleEncryptedData(pkg);
			if (single != null) {
				return new Content(ContentKind.ENCRYPTED, List.of(new NewPart(PartRole.ENCRYPTED_DATA,
						PartAttributes.none(), new ByteArrayInputStream(this.xml.exclusive(single)))));
			}
		}
		List<NewPart> parts = new ArrayList<>();
		parts.add(new NewPart(PartRole.MESSAGE,
				new PartAttributes("application/xml", "OSCI ContentPackage", null, "ContentPackage.xml", null, null, null),
				new ByteArrayInputStream(pkg)));
		for (Map.Entry<String, byte[]> attachment : delivery.attachments().entrySet()) {
			parts.add(new NewPart(PartRole.ATTACHMENT, new PartAttributes("application/octet-stream",
					"OSCI attachment cid:" + attachment.getKey(), null, attachment.getKey(), attachment.getKey(), null, null),
					new ByteArrayInputStream(attachment.getValue())));
		}
		return new Content(ContentKind.PLAIN, parts);
	}

	/** The ContentPackage's only child element if it is an xenc:EncryptedData, else null. */
	private Element singleEncryptedData(byte[] pkg) {
		Element wrapper;
		try {
			byte[] wrapped = (WRAPPER_OPEN + new String(pkg, StandardCharsets.UTF_8) + "</osci:ContentPackage>")
				.getBytes(StandardCharsets.UTF_8);
			wrapper = this.xml.parse(wrapped);
		}
		catch (IOException ex) {
			return null;
		}
		Element only = null;
		for (Node n = wrapper.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e) {
				if (only != null) {
					return null;
				}
				only = e;
			}
		}
		return (only != null && XENC.equals(only.getNamespaceURI()) && "EncryptedData".equals(only.getLocalName())) ? only
				: null;
	}

	private static String originNote(ProcessCard card) {
		if (card == null) {
			return "OSCI";
		}
		return "OSCI process card: creation " + card.creation() + ", forwarding " + card.forwarding() + ", reception "
				+ card.reception();
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

	private record Content(ContentKind kind, List<NewPart> parts) {
	}
}
