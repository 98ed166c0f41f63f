package org.xtaserver.tests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.xml.ws.Holder;

import org.apache.cxf.attachment.ByteDataSource;
import org.apache.cxf.ws.addressing.AttributedURIType;
import org.xtaserver.wsdl.v3.ContentType;
import org.xtaserver.wsdl.v3.GenericContentContainer;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.MsgBoxPortType;
import org.xtaserver.wsdl.v3.SendPortType;
import org.xtaserver.wsdl.v3.osci.MsgAttributeListType;
import org.xtaserver.wsdl.v3.osci.MsgBoxCloseRequestType;
import org.xtaserver.wsdl.v3.osci.MsgBoxFetchRequest;
import org.xtaserver.wsdl.v3.osci.MsgBoxResponseType;
import org.xtaserver.wsdl.v3.osci.MsgBoxStatusListRequestType;
import org.xtaserver.wsdl.v3.osci.MsgSelector;
import org.xtaserver.wsdl.v3.osci.MsgStatusListType;
import org.xtaserver.wsdl.v3.oscimeta.DeliveryAttributesType;
import org.xtaserver.wsdl.v3.oscimeta.DestinationsType;
import org.xtaserver.wsdl.v3.oscimeta.MessageMetaData;
import org.xtaserver.wsdl.v3.oscimeta.MsgIdentificationType;
import org.xtaserver.wsdl.v3.oscimeta.OriginatorsType;
import org.xtaserver.wsdl.v3.oscimeta.PartyIdentifierType;
import org.xtaserver.wsdl.v3.oscimeta.PartyType;
import org.xtaserver.wsdl.v3.oscimeta.QualifierType;

/**
 * Requests and readings in the project's own XTA 2 V3 classes ({@code org.xtaserver.wsdl.v3}),
 * plus a few whole XTA conversations (send, list, fetch) used by several end-to-end tests.
 */
public final class V3 {

	/** listURI of the MessageType code used by the tests. */
	public static final String MESSAGE_TYPE_LIST = "urn:de:payloadSchema:elementName";

	/** Payload schema the test messages claim. */
	public static final String PAYLOAD_SCHEMA = "urn:xta-server:tests";

	private V3() {
	}

	public static PartyType party(DemoIdentity identity) {
		DemoIdentity.Party party = identity.party();
		PartyIdentifierType identifier = new PartyIdentifierType();
		identifier.setType(party.type());
		identifier.setCategory(party.category());
		identifier.setName(party.name());
		identifier.setValue(party.value());
		PartyType type = new PartyType();
		type.setIdentifier(identifier);
		return type;
	}

	public static AttributedURIType uri(String value) {
		AttributedURIType uri = new AttributedURIType();
		uri.setValue(value);
		return uri;
	}

	public static XMLGregorianCalendar now() {
		GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
		calendar.setTimeInMillis(Instant.now().toEpochMilli());
		return DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(calendar);
	}

	/** MessageMetaData of a message from {@code author} to {@code reader} for {@code service}. */
	public static MessageMetaData metadata(String messageId, DemoIdentity author, DemoIdentity reader, String service) {
		MessageMetaData metadata = new MessageMetaData();
		DeliveryAttributesType delivery = new DeliveryAttributesType();
		delivery.setOrigin(now());
		metadata.setDeliveryAttributes(delivery);
		OriginatorsType originators = new OriginatorsType();
		originators.setAuthor(party(author));
		metadata.setOriginators(originators);
		DestinationsType destinations = new DestinationsType();
		destinations.setReader(party(reader));
		metadata.setDestinations(destinations);
		MsgIdentificationType identification = new MsgIdentificationType();
		identification.setMessageID(uri(messageId));
		metadata.setMsgIdentification(identification);
		QualifierType qualifier = new QualifierType();
		qualifier.setSubject("xta-server end-to-end test");
		qualifier.setService(service);
		QualifierType.BusinessScenario scenario = new QualifierType.BusinessScenario();
		scenario.setUndefined("xta-server-tests");
		qualifier.setBusinessScenario(scenario);
		QualifierType.MessageType type = new QualifierType.MessageType();
		type.setCode("testNachricht");
		type.setListURI(MESSAGE_TYPE_LIST);
		type.setListVersionID("1.0");
		type.setPayloadSchema(PAYLOAD_SCHEMA);
		qualifier.setMessageType(type);
		metadata.setQualifier(qualifier);
		return metadata;
	}

	public static ContentType content(byte[] bytes, String mimeType, String filename) {
		ContentType content = new ContentType();
		content.setValue(new DataHandler(new ByteDataSource(bytes, mimeType)));
		content.setContentType(mimeType);
		content.setFilename(filename);
		content.setSize(BigInteger.valueOf(bytes.length));
		return content;
	}

	/** Content streamed from a file when the request is written. */
	public static ContentType content(Path file, long size, String mimeType) {
		ContentType content = new ContentType();
		content.setValue(new DataHandler(new FileDataSource(file.toFile())));
		content.setContentType(mimeType);
		content.setFilename(file.getFileName().toString());
		content.setSize(BigInteger.valueOf(size));
		return content;
	}

	public static GenericContentContainer container(ContentType message, ContentType... attachments) {
		GenericContentContainer.ContentContainer inner = new GenericContentContainer.ContentContainer();
		inner.setMessage(message);
		inner.getAttachment().addAll(Arrays.asList(attachments));
		GenericContentContainer container = new GenericContentContainer();
		container.setContentContainer(inner);
		return container;
	}

	public static MsgBoxStatusListRequestType statusListRequest(Integer maxListItems) {
		MsgBoxStatusListRequestType request = new MsgBoxStatusListRequestType();
		if (maxListItems != null) {
			request.setMaxListItems(BigInteger.valueOf(maxListItems));
		}
		return request;
	}

	public static MsgBoxFetchRequest fetchRequest(String messageId) {
		MsgSelector selector = new MsgSelector();
		selector.getMessageID().add(uri(messageId));
		MsgBoxFetchRequest request = new MsgBoxFetchRequest();
		request.setMsgSelector(selector);
		return request;
	}

	public static MsgBoxCloseRequestType closeRequest(String msgBoxRequestId, String... messageIds) {
		MsgBoxCloseRequestType request = new MsgBoxCloseRequestType();
		request.setMsgBoxRequestID(msgBoxRequestId);
		for (String id : messageIds) {
			request.getLastMsgReceived().add(uri(id));
		}
		return request;
	}

	/** The message ids of a status list, whichever list form the server chose. */
	public static List<String> ids(MsgStatusListType list) {
		List<String> ids = new ArrayList<>();
		if (list == null) {
			return ids;
		}
		for (MsgAttributeListType attributes : list.getMsgAttributes()) {
			ids.add(attributes.getMessageID().getValue());
		}
		for (MessageMetaData metadata : list.getMessageMetaData()) {
			ids.add(metadata.getMsgIdentification().getMessageID().getValue());
		}
		return ids;
	}

	public static byte[] bytes(ContentType content) {
		try (InputStream in = content.getValue().getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A message sent through the project's own client: its id and what was sent. */
	public record Sent(String messageId, byte[] message, byte[] attachment) {
	}

	/** A fetched message: metadata, content and the MsgBoxResponse header. */
	public record Fetched(MessageMetaData metadata, GenericContentContainer container, MsgBoxResponseType response) {

		public String messageId() {
			return this.metadata.getMsgIdentification().getMessageID().getValue();
		}

		public byte[] message() {
			return bytes(this.container.getContentContainer().getMessage());
		}

		public List<byte[]> attachments() {
			return this.container.getContentContainer().getAttachment().stream().map(V3::bytes).toList();
		}
	}

	/** createMessageId and sendMessage of an XML message with one binary attachment. */
	public static Sent sendSmall(ManagementPortType management, SendPortType send, DemoIdentity author,
			DemoIdentity reader, String service, String marker) throws Exception {
		String id = management.createMessageId(party(author)).getValue();
		byte[] message = TestContent.xmlPayload(marker);
		byte[] attachment = TestContent.binaryPayload(marker);
		send.sendMessage(
				container(content(message, "text/xml", "nachricht.xml"),
						content(attachment, "application/octet-stream", "anlage.bin")),
				metadata(id, author, reader, service), null);
		return new Sent(id, message, attachment);
	}

	/** getStatusList (default list size) of the reader's own postbox: the ids listed on the first page. */
	public static List<String> listedIds(MsgBoxPortType msgBox, DemoIdentity reader) throws Exception {
		Holder<MsgBoxResponseType> response = new Holder<>();
		return ids(msgBox.getStatusList(statusListRequest(null), party(reader), response));
	}

	/** getMessage of one message by id. */
	public static Fetched fetch(MsgBoxPortType msgBox, DemoIdentity reader, String messageId) throws Exception {
		Holder<MessageMetaData> metadata = new Holder<>();
		Holder<MsgBoxResponseType> response = new Holder<>();
		GenericContentContainer container = msgBox.getMessage(fetchRequest(messageId), party(reader), metadata,
				response);
		return new Fetched(metadata.value, container, response.value);
	}
}
