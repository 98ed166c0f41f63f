package org.xtaserver.tests.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.activation.DataHandler;

import official.xta.osci.MsgAttributeListType;
import official.xta.osci.MsgBoxCloseRequestType;
import official.xta.osci.MsgBoxFetchRequest;
import official.xta.osci.MsgBoxGetNextRequestType;
import official.xta.osci.MsgBoxStatusListRequestType;
import official.xta.osci.MsgSelector;
import official.xta.osci.MsgStatusListType;
import official.xta.oscimeta.DeliveryAttributesType;
import official.xta.oscimeta.DestinationsType;
import official.xta.oscimeta.MessageMetaData;
import official.xta.oscimeta.MsgIdentificationType;
import official.xta.oscimeta.OriginatorsType;
import official.xta.oscimeta.PartyIdentifierType;
import official.xta.oscimeta.PartyType;
import official.xta.oscimeta.QualifierType;
import official.xta.v3.ContentType;
import official.xta.v3.GenericContentContainer;
import official.xta.v3.LookupServiceRequest;
import official.xta.v3.LookupServiceType;
import official.xta.wsa.AttributedURIType;
import org.apache.cxf.attachment.ByteDataSource;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.V3;

/** Requests and readings in the classes generated from the official KoSIT XTA.wsdl. */
final class Official {

	private Official() {
	}

	static PartyType party(DemoIdentity identity) {
		PartyIdentifierType identifier = new PartyIdentifierType();
		identifier.setType(identity.party().type());
		identifier.setCategory(identity.party().category());
		identifier.setName(identity.party().name());
		identifier.setValue(identity.party().value());
		PartyType party = new PartyType();
		party.setIdentifier(identifier);
		return party;
	}

	static AttributedURIType uri(String value) {
		AttributedURIType uri = new AttributedURIType();
		uri.setValue(value);
		return uri;
	}

	static MessageMetaData metadata(String messageId, DemoIdentity author, DemoIdentity reader, String service) {
		MessageMetaData metadata = new MessageMetaData();
		DeliveryAttributesType delivery = new DeliveryAttributesType();
		delivery.setOrigin(V3.now());
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
		qualifier.setSubject("xta-server conformance test");
		qualifier.setService(service);
		QualifierType.BusinessScenario scenario = new QualifierType.BusinessScenario();
		scenario.setUndefined("xta-server-conformance");
		qualifier.setBusinessScenario(scenario);
		QualifierType.MessageType type = new QualifierType.MessageType();
		type.setCode("testNachricht");
		type.setListURI(V3.MESSAGE_TYPE_LIST);
		type.setListVersionID("1.0");
		type.setPayloadSchema(V3.PAYLOAD_SCHEMA);
		qualifier.setMessageType(type);
		metadata.setQualifier(qualifier);
		return metadata;
	}

	static ContentType content(byte[] bytes, String mimeType, String filename) {
		ContentType content = new ContentType();
		content.setValue(new DataHandler(new ByteDataSource(bytes, mimeType)));
		content.setContentType(mimeType);
		content.setFilename(filename);
		content.setSize(BigInteger.valueOf(bytes.length));
		return content;
	}

	static GenericContentContainer container(ContentType message, ContentType... attachments) {
		GenericContentContainer.ContentContainer inner = new GenericContentContainer.ContentContainer();
		inner.setMessage(message);
		inner.getAttachment().addAll(Arrays.asList(attachments));
		GenericContentContainer container = new GenericContentContainer();
		container.setContentContainer(inner);
		return container;
	}

	static MsgBoxStatusListRequestType statusListRequest(Integer maxListItems) {
		MsgBoxStatusListRequestType request = new MsgBoxStatusListRequestType();
		if (maxListItems != null) {
			request.setMaxListItems(BigInteger.valueOf(maxListItems));
		}
		return request;
	}

	/** A fetch request for one message id, or for any message when {@code messageId} is null. */
	static MsgBoxFetchRequest fetchRequest(String messageId) {
		MsgBoxFetchRequest request = new MsgBoxFetchRequest();
		MsgSelector selector = new MsgSelector();
		if (messageId != null) {
			selector.getMessageID().add(uri(messageId));
		}
		request.setMsgSelector(selector);
		return request;
	}

	static MsgBoxGetNextRequestType nextRequest(String msgBoxRequestId, String... lastReceived) {
		MsgBoxGetNextRequestType request = new MsgBoxGetNextRequestType();
		request.setMsgBoxRequestID(msgBoxRequestId);
		for (String id : lastReceived) {
			request.getLastMsgReceived().add(uri(id));
		}
		return request;
	}

	static MsgBoxCloseRequestType closeRequest(String msgBoxRequestId, String... messageIds) {
		MsgBoxCloseRequestType request = new MsgBoxCloseRequestType();
		request.setMsgBoxRequestID(msgBoxRequestId);
		for (String id : messageIds) {
			request.getLastMsgReceived().add(uri(id));
		}
		return request;
	}

	static LookupServiceRequest lookup(DemoIdentity reader, String service) {
		LookupServiceType lookup = new LookupServiceType();
		lookup.setReader(party(reader));
		lookup.setServiceType(service);
		LookupServiceRequest.LookupServiceRequestList entry = new LookupServiceRequest.LookupServiceRequestList();
		entry.setLookupService(lookup);
		LookupServiceRequest request = new LookupServiceRequest();
		request.getLookupServiceRequestList().add(entry);
		return request;
	}

	static List<String> ids(MsgStatusListType list) {
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

	static byte[] bytes(ContentType content) {
		try (InputStream in = content.getValue().getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
