package org.xtaserver.xta.v3;

import java.time.Instant;
import org.xtaserver.message.MessageId;
import org.xtaserver.message.MessageMetadata;
import org.xtaserver.message.MetadataDocument;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.wsdl.v3.oscimeta.DeliveryAttributesType;
import org.xtaserver.wsdl.v3.oscimeta.DestinationsType;
import org.xtaserver.wsdl.v3.oscimeta.MessageMetaData;
import org.xtaserver.wsdl.v3.oscimeta.MsgIdentificationType;
import org.xtaserver.wsdl.v3.oscimeta.OriginatorsType;
import org.xtaserver.wsdl.v3.oscimeta.QualifierType;

/**
 * MessageMetaData documents (OSCI MessageMetaData 2.02, the format XTA 2 V3 and the OSCI custom
 * header share) for messages that did not come in through SendXtaPort: taken from the sender's
 * header where there is one, derived otherwise.
 */
public final class V3MetadataDocuments {

	/** MessageType list of the derived metadata: the XTA gateway's message types. */
	static final String MESSAGE_TYPES = "urn:de:bos_bremen:gov:gateway:messageTypes";

	private final V3Metadata codec;

	V3MetadataDocuments(V3Metadata codec) {
		this.codec = codec;
	}

	public V3MetadataDocuments() {
		this(new V3Metadata());
	}

	/**
	 * The sender's MessageMetaData with its message id set to {@code id} (the id the message is
	 * stored and offered under).
	 * @throws IllegalArgumentException when the bytes are not a readable MessageMetaData
	 */
	public MessageMetadata fromSenderHeader(byte[] header, MessageId id) {
		MessageMetaData metadata;
		try {
			metadata = this.codec.read(new MetadataDocument(V3Metadata.FORMAT, header));
		}
		catch (IllegalStateException ex) {
			throw new IllegalArgumentException("MessageMetaData header not readable", ex);
		}
		if (metadata.getMsgIdentification() == null) {
			metadata.setMsgIdentification(new MsgIdentificationType());
		}
		metadata.getMsgIdentification().setMessageID(V3Metadata.toV3(id));
		return this.codec.toDomain(metadata);
	}

	/** The sender's message id in its header, if it has a usable one. */
	public MessageId senderMessageId(byte[] header) {
		try {
			MessageMetaData metadata = this.codec.read(new MetadataDocument(V3Metadata.FORMAT, header));
			return V3Metadata.messageId(metadata.getMsgIdentification().getMessageID());
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** Metadata derived from what OSCI tells: the postbox it was fetched from and its process card. */
	public MessageMetadata derived(MessageId id, PartyId author, PartyId reader, String service, String subject,
			Instant created, Instant forwarded) {
		MessageMetaData metadata = new MessageMetaData();
		DeliveryAttributesType delivery = new DeliveryAttributesType();
		delivery.setOrigin(V3Times.toV3(created));
		delivery.setInitialSend(V3Times.toV3(forwarded));
		metadata.setDeliveryAttributes(delivery);
		OriginatorsType originators = new OriginatorsType();
		originators.setAuthor(V3Parties.toV3(author));
		metadata.setOriginators(originators);
		DestinationsType destinations = new DestinationsType();
		destinations.setReader(V3Parties.toV3(reader));
		metadata.setDestinations(destinations);
		MsgIdentificationType identification = new MsgIdentificationType();
		identification.setMessageID(V3Metadata.toV3(id));
		metadata.setMsgIdentification(identification);
		QualifierType qualifier = new QualifierType();
		qualifier.setSubject(subject);
		qualifier.setService(service);
		QualifierType.BusinessScenario scenario = new QualifierType.BusinessScenario();
		scenario.setUndefined("OSCI");
		qualifier.setBusinessScenario(scenario);
		QualifierType.MessageType type = new QualifierType.MessageType();
		type.setCode("OSCI");
		type.setListURI(MESSAGE_TYPES);
		type.setListVersionID("1.0");
		type.setPayloadSchema("urn:de:xta:osci12:contentpackage");
		qualifier.setMessageType(type);
		metadata.setQualifier(qualifier);
		return this.codec.toDomain(metadata);
	}
}
