package org.xtaserver.xta.v3;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import org.apache.cxf.ws.addressing.AttributedURIType;
import org.xtaserver.message.MessageId;
import org.xtaserver.message.MessageMetadata;
import org.xtaserver.message.MetadataDocument;
import org.xtaserver.message.StoredMessage;
import org.xtaserver.message.XtaError;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.wsdl.v3.oscimeta.DeliveryAttributesType;
import org.xtaserver.wsdl.v3.oscimeta.MessageMetaData;
import org.xtaserver.wsdl.v3.oscimeta.QualifierType;

/**
 * oscimeta:MessageMetaData to and from the core. The document is stored as the author sent it;
 * the reader gets it back with the server's delivery times filled in.
 */
final class V3Metadata {

	static final String FORMAT = "xta-v3";

	private final JAXBContext context;

	private final XMLInputFactory inputFactory;

	V3Metadata() {
		try {
			this.context = JAXBContext.newInstance(MessageMetaData.class);
		}
		catch (JAXBException ex) {
			throw new IllegalStateException("JAXB context for MessageMetaData", ex);
		}
		this.inputFactory = XMLInputFactory.newFactory();
		// Stored documents are our own, but never let a parser resolve anything external.
		this.inputFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		this.inputFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
	}

	MessageMetadata toDomain(MessageMetaData metadata) {
		if (metadata == null) {
			throw XtaError.MISSING_PARAMETER.failure("MessageMetaData");
		}
		if (metadata.getMsgIdentification() == null || metadata.getMsgIdentification().getMessageID() == null) {
			throw XtaError.MISSING_PARAMETER.failure("MessageMetaData/MsgIdentification/MessageID");
		}
		MessageId id = messageId(metadata.getMsgIdentification().getMessageID());
		if (metadata.getOriginators() == null) {
			throw XtaError.MISSING_PARAMETER.failure("MessageMetaData/Originators/Author");
		}
		PartyId author = V3Parties.toDomain(metadata.getOriginators().getAuthor(), "MessageMetaData/Originators/Author");
		if (metadata.getDestinations() == null) {
			throw XtaError.MISSING_PARAMETER.failure("MessageMetaData/Destinations/Reader");
		}
		PartyId reader = V3Parties.toDomain(metadata.getDestinations().getReader(), "MessageMetaData/Destinations/Reader");
		QualifierType qualifier = metadata.getQualifier();
		String service = qualifier == null ? null : qualifier.getService();
		String messageType = (qualifier == null || qualifier.getMessageType() == null) ? null
				: qualifier.getMessageType().getCode();
		return new MessageMetadata(id, author, reader, service, messageType, new MetadataDocument(FORMAT, write(metadata)));
	}

	static MessageId messageId(AttributedURIType uri) {
		if (uri == null || uri.getValue() == null || uri.getValue().isBlank()) {
			throw XtaError.MISSING_PARAMETER.failure("MessageID");
		}
		try {
			return MessageId.of(uri.getValue());
		}
		catch (IllegalArgumentException ex) {
			throw XtaError.MALFORMED_MESSAGE_ID.failure();
		}
	}

	static AttributedURIType toV3(MessageId id) {
		AttributedURIType uri = new AttributedURIType();
		uri.setValue(id.value());
		return uri;
	}

	/** The metadata as the reader sees it: as sent, plus this server's delivery times and size. */
	MessageMetaData forReader(StoredMessage message) {
		MessageMetaData metadata = read(message.metadata().document());
		DeliveryAttributesType delivery = metadata.getDeliveryAttributes();
		if (delivery == null) {
			delivery = new DeliveryAttributesType();
			metadata.setDeliveryAttributes(delivery);
		}
		if (delivery.getOrigin() == null) {
			delivery.setOrigin(V3Times.toV3(message.acceptedAt()));
		}
		delivery.setDelivery(V3Times.toV3(message.deliveredAt()));
		delivery.setInitialFetch(V3Times.toV3(message.initialFetchAt()));
		delivery.setReception(V3Times.toV3(message.receptionAt()));
		if (metadata.getMsgSize() == null) {
			metadata.setMsgSize(BigInteger.valueOf(message.contentSize()));
		}
		return metadata;
	}

	byte[] write(MessageMetaData metadata) {
		try {
			Marshaller marshaller = this.context.createMarshaller();
			marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			marshaller.marshal(metadata, out);
			return out.toByteArray();
		}
		catch (JAXBException ex) {
			throw XtaError.INVALID_PARAMETER.failure("MessageMetaData cannot be serialised");
		}
	}

	MessageMetaData read(MetadataDocument document) {
		if (!FORMAT.equals(document.format())) {
			throw new IllegalStateException("metadata format " + document.format() + " is not readable by the V3 facade");
		}
		try {
			Unmarshaller unmarshaller = this.context.createUnmarshaller();
			XMLStreamReader reader = this.inputFactory.createXMLStreamReader(new ByteArrayInputStream(document.bytes()));
			JAXBElement<MessageMetaData> element = unmarshaller.unmarshal(reader, MessageMetaData.class);
			return element.getValue();
		}
		catch (JAXBException | XMLStreamException ex) {
			throw new IllegalStateException("stored metadata cannot be read", ex);
		}
	}
}
