package org.xtaserver.tests.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.activation.DataHandler;
import jakarta.jws.WebService;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.Holder;
import jakarta.xml.ws.soap.SOAPBinding;

import org.apache.cxf.attachment.ByteDataSource;
import org.apache.cxf.ws.addressing.AttributedURIType;
import org.xtaserver.tests.support.V3;
import org.xtaserver.wsdl.v3.ContentType;
import org.xtaserver.wsdl.v3.GenericContentContainer;
import org.xtaserver.wsdl.v3.LookupServiceRequest;
import org.xtaserver.wsdl.v3.LookupServiceResponse;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.MsgBoxPortType;
import org.xtaserver.wsdl.v3.SendPortType;
import org.xtaserver.wsdl.v3.TransportReport;
import org.xtaserver.wsdl.v3.osci.MsgBoxCloseRequestType;
import org.xtaserver.wsdl.v3.osci.MsgBoxFetchRequest;
import org.xtaserver.wsdl.v3.osci.MsgBoxGetNextRequestType;
import org.xtaserver.wsdl.v3.osci.MsgBoxResponseType;
import org.xtaserver.wsdl.v3.osci.MsgBoxStatusListRequestType;
import org.xtaserver.wsdl.v3.osci.MsgStatusListType;
import org.xtaserver.wsdl.v3.osci.X509TokenContainerType;
import org.xtaserver.wsdl.v3.oscimeta.MessageMetaData;
import org.xtaserver.wsdl.v3.oscimeta.PartyType;

/**
 * The round-trip benchmark's second reference: the XTA 2 Version 3 contract (the project's WSDL
 * and generated classes, the three ports under {@code /services/XTAService/}) on the same bare
 * stack as the echo baseline ({@link BaselineStack}), with none of the server's own work: no
 * caller authentication, tenants, checks, database, audit or metrics. Messages live in memory
 * from sendMessage until close; the listing and getMessage answer with the metadata as sent (plus
 * the delivery time), as the server does. The client does exactly what it does against the server.
 *
 * <p>So the XTA messages' cost on the stack (richer headers and bodies than the echo's) and the
 * server's own work can be told apart: echo → this → the server. Only what the round trip calls is
 * implemented; everything else answers with a fault. Arguments as {@link BaselineStack#serve};
 * prints {@value #READY} and the port.
 */
public final class XtaProtocolBaselineServer {

	/** Printed, followed by the port, once the ports answer. */
	public static final String READY = "XTA-PROTOCOL-BASELINE READY port=";

	/** The project's contract, as the server publishes it (V3Endpoints.WSDL). */
	static final String WSDL = "classpath:wsdl/xta-v3/xta-v3.wsdl";

	private XtaProtocolBaselineServer() {
	}

	public static void main(String[] args) throws Exception {
		Postboxes postboxes = new Postboxes();
		BaselineStack.serve(args, READY, Map.of("/XTAService/ManagementPort", new Management(), "/XTAService/SendXtaPort",
				new Send(postboxes), "/XTAService/MsgBoxPort", new MsgBox(postboxes)));
	}

	/** A message between sendMessage and close: its metadata as sent and its content. */
	record Held(long sequence, String reader, MessageMetaData metadata, String contentType, String filename,
			byte[] content) {
	}

	/** All open messages in arrival order; a postbox is the reader's identifier value. */
	static final class Postboxes {

		private final AtomicLong sequence = new AtomicLong();

		private final ConcurrentSkipListMap<Long, Held> inArrivalOrder = new ConcurrentSkipListMap<>();

		private final Map<String, Held> byId = new ConcurrentHashMap<>();

		void put(String messageId, String reader, MessageMetaData metadata, ContentType message, byte[] content) {
			// Only the part's attributes are kept: its DataHandler belongs to the request and its buffers.
			Held held = new Held(this.sequence.incrementAndGet(), reader, metadata, message.getContentType(),
					message.getFilename(), content);
			if (this.byId.putIfAbsent(messageId, held) != null) {
				throw new IllegalStateException("message id sent twice: " + messageId);
			}
			this.inArrivalOrder.put(held.sequence(), held);
		}

		List<Held> list(String reader, int max) {
			return this.inArrivalOrder.values().stream().filter((held) -> held.reader().equals(reader)).limit(max).toList();
		}

		Held get(String messageId) {
			Held held = this.byId.get(messageId);
			if (held == null) {
				throw new IllegalStateException("no open message " + messageId);
			}
			return held;
		}

		void close(String messageId) {
			Held held = this.byId.remove(messageId);
			if (held != null) {
				this.inArrivalOrder.remove(held.sequence());
			}
		}
	}

	private static UnsupportedOperationException notInTheRoundTrip() {
		return new UnsupportedOperationException("not part of the benchmark's round trip");
	}

	private static String identifier(PartyType party) {
		return party.getIdentifier().getValue();
	}

	private static MsgBoxResponseType response(long pending) {
		MsgBoxResponseType response = new MsgBoxResponseType();
		response.setMsgBoxRequestID("urn:de:xta:msgbox:request:" + UUID.randomUUID());
		response.setItemsPending(BigInteger.valueOf(pending));
		return response;
	}

	@WebService(serviceName = "XTAService", portName = "ManagementPort", targetNamespace = "http://xoev.de/transport/xta/211",
			endpointInterface = "org.xtaserver.wsdl.v3.ManagementPortType", wsdlLocation = WSDL)
	@BindingType(SOAPBinding.SOAP12HTTP_MTOM_BINDING)
	public static final class Management implements ManagementPortType {

		@Override
		public AttributedURIType createMessageId(PartyType authorIdentifier) {
			return V3.uri("urn:de:xta:messageid:protocol-baseline:" + UUID.randomUUID());
		}

		@Override
		public void checkAccountActive(PartyType authorIdentifier) {
			throw notInTheRoundTrip();
		}

		@Override
		public LookupServiceResponse lookupService(LookupServiceRequest request, PartyType authorIdentifier) {
			throw notInTheRoundTrip();
		}

		@Override
		public void cancelMessage(AttributedURIType messageID, PartyType authorIdentifier) {
			throw notInTheRoundTrip();
		}

		@Override
		public TransportReport getTransportReport(AttributedURIType messageID, PartyType authorIdentifier) {
			throw notInTheRoundTrip();
		}
	}

	@WebService(serviceName = "XTAService", portName = "SendXtaPort", targetNamespace = "http://xoev.de/transport/xta/211",
			endpointInterface = "org.xtaserver.wsdl.v3.SendPortType", wsdlLocation = WSDL)
	@BindingType(SOAPBinding.SOAP12HTTP_MTOM_BINDING)
	public static final class Send implements SendPortType {

		private final Postboxes postboxes;

		Send(Postboxes postboxes) {
			this.postboxes = postboxes;
		}

		/** Reads the whole content, as the server must to store it, and keeps it until close. */
		@Override
		public void sendMessage(GenericContentContainer genericContainer, MessageMetaData messageMetaData,
				X509TokenContainerType x509TokenContainer) {
			ContentType message = genericContainer.getContentContainer().getMessage();
			byte[] content;
			try (InputStream in = message.getValue().getInputStream()) {
				content = in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read the content", ex);
			}
			messageMetaData.getDeliveryAttributes().setDelivery(V3.now());
			this.postboxes.put(messageMetaData.getMsgIdentification().getMessageID().getValue(),
					identifier(messageMetaData.getDestinations().getReader()), messageMetaData, message, content);
		}

		@Override
		public void sendMessageSync(Holder<GenericContentContainer> genericContainer,
				Holder<MessageMetaData> messageMetaData, Holder<X509TokenContainerType> x509TokenContainer) {
			throw notInTheRoundTrip();
		}
	}

	@WebService(serviceName = "XTAService", portName = "MsgBoxPort", targetNamespace = "http://xoev.de/transport/xta/211",
			endpointInterface = "org.xtaserver.wsdl.v3.MsgBoxPortType", wsdlLocation = WSDL)
	@BindingType(SOAPBinding.SOAP12HTTP_MTOM_BINDING)
	public static final class MsgBox implements MsgBoxPortType {

		/** The server's default list size (xta.max-list-items). */
		private static final int DEFAULT_LIST_SIZE = 500;

		private final Postboxes postboxes;

		MsgBox(Postboxes postboxes) {
			this.postboxes = postboxes;
		}

		@Override
		public GenericContentContainer getMessage(MsgBoxFetchRequest fetchRequest, PartyType authorIdentifier,
				Holder<MessageMetaData> messageMetaData, Holder<MsgBoxResponseType> fetchResponseHeader) {
			Held held = this.postboxes.get(fetchRequest.getMsgSelector().getMessageID().get(0).getValue());
			ContentType content = new ContentType();
			content.setValue(new DataHandler(new ByteDataSource(held.content(), held.contentType())));
			content.setContentType(held.contentType());
			content.setFilename(held.filename());
			content.setSize(BigInteger.valueOf(held.content().length));
			messageMetaData.value = held.metadata();
			fetchResponseHeader.value = response(0);
			return V3.container(content);
		}

		@Override
		public MsgStatusListType getStatusList(MsgBoxStatusListRequestType fetchRequest, PartyType authorIdentifier,
				Holder<MsgBoxResponseType> fetchResponseHeader) {
			int max = (fetchRequest == null || fetchRequest.getMaxListItems() == null) ? DEFAULT_LIST_SIZE
					: fetchRequest.getMaxListItems().intValue();
			MsgStatusListType list = new MsgStatusListType();
			this.postboxes.list(identifier(authorIdentifier), max)
				.forEach((held) -> list.getMessageMetaData().add(held.metadata()));
			fetchResponseHeader.value = response(0);
			return list;
		}

		@Override
		public void close(MsgBoxCloseRequestType fetchRequest, PartyType authorIdentifier) {
			fetchRequest.getLastMsgReceived().forEach((id) -> this.postboxes.close(id.getValue()));
		}

		@Override
		public GenericContentContainer getNextMessage(MsgBoxGetNextRequestType fetchRequest, PartyType authorIdentifier,
				Holder<MessageMetaData> messageMetaData, Holder<MsgBoxResponseType> fetchResponseHeader) {
			throw notInTheRoundTrip();
		}

		@Override
		public MsgStatusListType getNextStatusList(MsgBoxGetNextRequestType fetchRequest, PartyType authorIdentifier,
				Holder<MsgBoxResponseType> fetchResponseHeader) {
			throw notInTheRoundTrip();
		}
	}
}
