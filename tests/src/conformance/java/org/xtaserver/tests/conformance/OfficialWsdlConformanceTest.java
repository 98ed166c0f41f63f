package org.xtaserver.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Method;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.jws.WebMethod;
import jakarta.xml.ws.Action;
import jakarta.xml.ws.Holder;

import official.xta.osci.MsgBoxResponseType;
import official.xta.osci.MsgStatusListType;
import official.xta.osci.X509TokenContainerType;
import official.xta.oscimeta.MessageMetaData;
import official.xta.v3.CancelDeniedException;
import official.xta.v3.ExceptionType;
import official.xta.v3.GenericContentContainer;
import official.xta.v3.InvalidMessageIDException;
import official.xta.v3.LookupServiceResponse;
import official.xta.v3.ManagementPortType;
import official.xta.v3.MsgBoxPortType;
import official.xta.v3.PermissionDeniedException;
import official.xta.v3.SendPortType;
import official.xta.v3.SyncAsyncException;
import official.xta.v3.TransportReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
import org.xtaserver.tests.support.TestContent;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaPort;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.tests.support.XtaServerExtension;

/**
 * Conformance with the OFFICIAL KoSIT XTA 2 V3 interface: a client generated from the official
 * {@code XTA.wsdl} (profile {@code official-conformance}) runs every operation of the three ports
 * against the server, and every request, response, header block and fault detail on the wire is
 * validated against the official XSDs (see {@link OfficialSchemaValidator}). Responses must also
 * carry the WS-Addressing action the official WSDL declares.
 */
@ExtendWith(XtaServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficialWsdlConformanceTest {

	static final Set<String> ALL_OPERATIONS = Set.of("createMessageId", "sendMessage", "getStatusList", "getMessage",
			"close", "getTransportReport", "cancelMessage", "checkAccountActive", "lookupService", "getNextStatusList",
			"getNextMessage", "sendMessageSync");

	static final Set<String> ALL_FAULT_DETAILS = Set.of(q("PermissionDeniedException"),
			q("InvalidMessageIDException"), q("SyncAsyncException"), q("CancelDeniedException"));

	static final Map<String, String> ACTIONS = officialActions();

	static final Map<String, Integer> VALIDATED_PER_OPERATION = new TreeMap<>();

	static final Set<String> VALIDATED_FAULT_DETAILS = new TreeSet<>();

	static OfficialSchemaValidator schemas;

	static RawExchangeCapture capture;

	static XtaServer server;

	static DemoIdentity author;

	static DemoIdentity reader;

	static String service;

	static ManagementPortType authorManagement;

	static SendPortType authorSend;

	static MsgBoxPortType authorBox;

	static MsgBoxPortType readerBox;

	@BeforeAll
	static void officialClientAndSchemas(XtaServer running) {
		Path official = Paths.get(System.getProperty("xta.shared.dir", "../../shared"), "xta2-v3");
		schemas = OfficialSchemaValidator.load(official);
		server = running;
		author = server.identity(0);
		reader = server.identity(1);
		service = DemoTenants.serviceOf(server, reader.party());
		capture = new RawExchangeCapture();
		XtaClients clients = XtaClients.of(server).intercepting(capture.outInterceptors(), capture.inInterceptors());
		authorManagement = clients.port(ManagementPortType.class, XtaPort.MANAGEMENT, author);
		authorSend = clients.port(SendPortType.class, XtaPort.SEND, author);
		authorBox = clients.port(MsgBoxPortType.class, XtaPort.MSG_BOX, author);
		readerBox = clients.port(MsgBoxPortType.class, XtaPort.MSG_BOX, reader);
	}

	@BeforeEach
	void freshCapture() {
		capture.drain();
	}

	@Test
	@Order(1)
	void aMessageWithAttachmentGoesThroughCreateSendListFetchCloseAndTransportReport() throws Exception {
		String id = authorManagement.createMessageId(Official.party(author)).getValue();
		assertThat(id).as("createMessageId").startsWith("urn:");
		byte[] message = TestContent.xmlPayload("conformance-cycle");
		byte[] attachment = TestContent.binaryPayload("conformance-cycle");

		authorSend.sendMessage(
				Official.container(Official.content(message, "text/xml", "nachricht.xml"),
						Official.content(attachment, "application/octet-stream", "anlage.bin")),
				Official.metadata(id, author, reader, service), null);
		assertThat(listed()).as("status list after sendMessage").contains(id);

		Holder<MessageMetaData> metadata = new Holder<>();
		Holder<MsgBoxResponseType> response = new Holder<>();
		GenericContentContainer container = readerBox.getMessage(Official.fetchRequest(id), Official.party(reader),
				metadata, response);
		assertThat(metadata.value.getMsgIdentification().getMessageID().getValue()).isEqualTo(id);
		assertThat(metadata.value.getOriginators().getAuthor().getIdentifier().getValue())
			.isEqualTo(author.party().value());
		assertThat(metadata.value.getDestinations().getReader().getIdentifier().getValue())
			.isEqualTo(reader.party().value());
		assertThat(Official.bytes(container.getContentContainer().getMessage())).as("Message content")
			.isEqualTo(message);
		assertThat(container.getContentContainer().getAttachment()).hasSize(1);
		assertThat(Official.bytes(container.getContentContainer().getAttachment().get(0))).as("Attachment content")
			.isEqualTo(attachment);
		assertThat(response.value.getMsgBoxRequestID()).as("MsgBoxResponse/@MsgBoxRequestID").isNotBlank();
		assertThat(listed()).as("status list after getMessage, before close").contains(id);

		readerBox.close(Official.closeRequest(response.value.getMsgBoxRequestID(), id), Official.party(reader));
		assertThat(listed()).as("status list after close").doesNotContain(id);

		TransportReport report = authorManagement.getTransportReport(Official.uri(id), Official.party(author));
		assertThat(report.getMessageMetaData().getMsgIdentification().getMessageID().getValue()).isEqualTo(id);
		assertThat(report.getMessageMetaData().getDeliveryAttributes().getReception())
			.as("TransportReport: DeliveryAttributes/Reception after close")
			.isNotNull();
		assertThat(report.getMessageStatus().getStatus()).as("TransportReport: MessageStatus/Status after close (1 = green)")
			.isEqualTo(BigInteger.ONE);

		List<RawExchangeCapture.Captured> wire = assertConformant();
		RawExchangeCapture.Captured sendRequest = wire.stream()
			.filter((c) -> c.operation().equals("sendMessage")
					&& c.direction() == RawExchangeCapture.Direction.REQUEST)
			.findFirst()
			.orElseThrow();
		assertThat(sendRequest.contentType()).as("sendMessage travels as MTOM")
			.startsWithIgnoringCase("multipart/related")
			.contains("application/xop+xml");
		assertThat(new String(sendRequest.bytes(), StandardCharsets.ISO_8859_1))
			.as("sendMessage request: Message and Attachment as xop:Include")
			.containsPattern("(?s)Include.*Include");
		RawExchangeCapture.Captured fetchResponse = wire.stream()
			.filter((c) -> c.operation().equals("getMessage")
					&& c.direction() == RawExchangeCapture.Direction.RESPONSE)
			.findFirst()
			.orElseThrow();
		assertThat(fetchResponse.contentType()).as("getMessage answers with MTOM (policy OptimizedMimeSerialization)")
			.startsWithIgnoringCase("multipart/related")
			.contains("application/xop+xml");
		assertThat(new String(fetchResponse.bytes(), StandardCharsets.ISO_8859_1))
			.as("getMessage response: Message and Attachment as xop:Include")
			.containsPattern("(?s)Include.*Include");
	}

	@Test
	@Order(2)
	void cancelMessageBeforeTheFetchTakesTheMessageOutOfThePostbox() throws Exception {
		String id = sendSmall("conformance-cancel");
		assertThat(listed()).contains(id);

		authorManagement.cancelMessage(Official.uri(id), Official.party(author));

		assertThat(listed()).doesNotContain(id);
		assertConformant();
	}

	@Test
	@Order(3)
	void checkAccountActiveAnswersEmptyForADemoParty() throws Exception {
		authorManagement.checkAccountActive(Official.party(author));

		List<RawExchangeCapture.Captured> wire = assertConformant();
		assertThat(wire).filteredOn((c) -> c.direction() == RawExchangeCapture.Direction.RESPONSE)
			.singleElement()
			.satisfies((c) -> assertThat(c.httpStatus()).isEqualTo(200));
	}

	@Test
	@Order(4)
	void lookupServiceFindsTheServiceOfTheReadersPostbox() throws Exception {
		LookupServiceResponse response = authorManagement.lookupService(Official.lookup(reader, service),
				Official.party(author));

		assertThat(response.getLookupServiceResultList().getLookupServiceResult()).singleElement()
			.satisfies((result) -> assertThat(result.getIsServiceAvailableValue().isServiceIsAvailable())
				.as("ServiceIsAvailable of %s", service)
				.isTrue());
		assertConformant();
	}

	@Test
	@Order(5)
	void getStatusListWithOneItemPerPageReportsItemsPendingAndGetNextStatusListPagesThroughTheRest()
			throws Exception {
		String first = sendSmall("conformance-page-1");
		String second = sendSmall("conformance-page-2");

		Holder<MsgBoxResponseType> response = new Holder<>();
		MsgStatusListType page = readerBox.getStatusList(Official.statusListRequest(1), Official.party(reader),
				response);
		assertThat(Official.ids(page)).as("first page with maxListItems=1").hasSize(1);
		assertThat(response.value.getItemsPending()).as("MsgBoxResponse/ItemsPending of the first page")
			.isNotNull()
			.isPositive();
		String requestId = response.value.getMsgBoxRequestID();
		List<String> all = new ArrayList<>(Official.ids(page));
		BigInteger pending = response.value.getItemsPending();
		int pages = 1;
		while (pending != null && pending.signum() > 0 && pages < 500) {
			Holder<MsgBoxResponseType> next = new Holder<>();
			MsgStatusListType nextPage = readerBox.getNextStatusList(Official.nextRequest(requestId),
					Official.party(reader), next);
			assertThat(Official.ids(nextPage)).as("page %d", pages + 1).hasSizeLessThanOrEqualTo(1);
			assertThat(next.value.getMsgBoxRequestID()).isEqualTo(requestId);
			all.addAll(Official.ids(nextPage));
			assertThat(next.value.getItemsPending() == null ? BigInteger.ZERO : next.value.getItemsPending())
				.as("ItemsPending decreases page by page")
				.isLessThan(pending);
			pending = next.value.getItemsPending();
			pages++;
		}
		assertThat(all).as("ids over all pages").contains(first, second).doesNotHaveDuplicates();

		authorManagement.cancelMessage(Official.uri(first), Official.party(author));
		authorManagement.cancelMessage(Official.uri(second), Official.party(author));
		assertConformant();
	}

	@Test
	@Order(6)
	void getNextMessageWalksThroughThePostboxAndClosesWhatWasReceived() throws Exception {
		Map<String, byte[]> sent = new LinkedHashMap<>();
		for (String marker : List.of("conformance-next-1", "conformance-next-2")) {
			String id = authorManagement.createMessageId(Official.party(author)).getValue();
			byte[] message = TestContent.xmlPayload(marker);
			authorSend.sendMessage(Official.container(Official.content(message, "text/xml", "nachricht.xml")),
					Official.metadata(id, author, reader, service), null);
			sent.put(id, message);
		}

		Map<String, byte[]> received = new HashMap<>();
		Holder<MessageMetaData> metadata = new Holder<>();
		Holder<MsgBoxResponseType> response = new Holder<>();
		GenericContentContainer container = readerBox.getMessage(Official.fetchRequest(null), Official.party(reader),
				metadata, response);
		String requestId = response.value.getMsgBoxRequestID();
		String last = receivedId(metadata, response);
		List<String> order = new ArrayList<>();
		while (last != null && order.size() < 500) {
			order.add(last);
			// The postbox is shared with other test classes; some leave end-to-end encrypted messages.
			if (container.getContentContainer() != null) {
				received.put(last, Official.bytes(container.getContentContainer().getMessage()));
			}
			metadata = new Holder<>();
			response = new Holder<>();
			try {
				container = readerBox.getNextMessage(Official.nextRequest(requestId, last), Official.party(reader),
						metadata, response);
				last = receivedId(metadata, response);
			}
			catch (InvalidMessageIDException noMore) {
				// The end of the postbox is signalled either by MsgBoxResponse/NoMessageAvailable or,
				// as the operation has no empty answer, by this fault; LastMsgReceived counts either way.
				assertErrorCode(noMore.getFaultInfo());
				last = null;
			}
		}

		assertThat(order).as("messages walked through").doesNotHaveDuplicates().containsAll(sent.keySet());
		sent.forEach((id, bytes) -> assertThat(received.get(id)).as("content of %s", id).isEqualTo(bytes));
		assertThat(listed()).as("postbox after getNextMessage acknowledged every message")
			.doesNotContainAnyElementsOf(sent.keySet());
		assertConformant();
	}

	@Test
	@Order(7)
	void readingAnotherPartysPostboxIsPermissionDenied() {
		PermissionDeniedException denied = catchThrowableOfType(PermissionDeniedException.class,
				() -> authorBox.getStatusList(Official.statusListRequest(null), Official.party(reader), new Holder<>()));

		assertErrorCode(denied == null ? null : denied.getFaultInfo());
		assertFaultDetailValidated(assertConformant(), "PermissionDeniedException");
	}

	@Test
	@Order(8)
	void getTransportReportOfAnUnknownMessageIdIsInvalidMessageId() {
		InvalidMessageIDException invalid = catchThrowableOfType(InvalidMessageIDException.class,
				() -> authorManagement.getTransportReport(
						Official.uri("urn:de:xta:messageid:unknown:" + UUID.randomUUID()), Official.party(author)));

		assertErrorCode(invalid == null ? null : invalid.getFaultInfo());
		assertFaultDetailValidated(assertConformant(), "InvalidMessageIDException");
	}

	@Test
	@Order(9)
	void sendMessageSyncIsRefusedWithSyncAsync() throws Exception {
		String id = authorManagement.createMessageId(Official.party(author)).getValue();
		Holder<GenericContentContainer> container = new Holder<>(Official.container(
				Official.content("sync?".getBytes(StandardCharsets.UTF_8), "text/plain", "sync.txt")));
		Holder<MessageMetaData> metadata = new Holder<>(Official.metadata(id, author, reader, service));
		Holder<X509TokenContainerType> tokens = new Holder<>();

		SyncAsyncException refused = catchThrowableOfType(SyncAsyncException.class,
				() -> authorSend.sendMessageSync(container, metadata, tokens));

		assertErrorCode(refused == null ? null : refused.getFaultInfo());
		assertFaultDetailValidated(assertConformant(), "SyncAsyncException");
	}

	@Test
	@Order(10)
	void cancelMessageAfterTheReaderFetchedItIsCancelDenied() throws Exception {
		String id = sendSmall("conformance-cancel-denied");
		Holder<MsgBoxResponseType> response = new Holder<>();
		readerBox.getMessage(Official.fetchRequest(id), Official.party(reader), new Holder<>(), response);

		CancelDeniedException denied = catchThrowableOfType(CancelDeniedException.class,
				() -> authorManagement.cancelMessage(Official.uri(id), Official.party(author)));

		assertErrorCode(denied == null ? null : denied.getFaultInfo());
		readerBox.close(Official.closeRequest(response.value.getMsgBoxRequestID(), id), Official.party(reader));
		assertFaultDetailValidated(assertConformant(), "CancelDeniedException");
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void everyOperationAndEveryFaultWasSeenOnTheWireAndValidated() {
		assertThat(VALIDATED_PER_OPERATION.keySet()).as("operations with validated messages: %s",
				VALIDATED_PER_OPERATION)
			.containsAll(ALL_OPERATIONS);
		assertThat(VALIDATED_FAULT_DETAILS).as("fault details validated").containsAll(ALL_FAULT_DETAILS);
	}

	private static String sendSmall(String marker) throws Exception {
		String id = authorManagement.createMessageId(Official.party(author)).getValue();
		authorSend.sendMessage(
				Official.container(Official.content(TestContent.xmlPayload(marker), "text/xml", "nachricht.xml")),
				Official.metadata(id, author, reader, service), null);
		return id;
	}

	private static List<String> listed() throws Exception {
		return Official
			.ids(readerBox.getStatusList(Official.statusListRequest(null), Official.party(reader), new Holder<>()));
	}

	private static String receivedId(Holder<MessageMetaData> metadata, Holder<MsgBoxResponseType> response) {
		if (metadata.value == null || (response.value != null && response.value.getNoMessageAvailable() != null)) {
			return null;
		}
		return metadata.value.getMsgIdentification().getMessageID().getValue();
	}

	private static void assertErrorCode(ExceptionType faultInfo) {
		assertThat(faultInfo).as("fault detail of the expected XTA fault").isNotNull();
		assertThat(faultInfo.getErrorCode()).as("errorCode").isNotNull();
		assertThat(faultInfo.getErrorCode().getCode()).as("errorCode/code").isNotBlank();
	}

	private static void assertFaultDetailValidated(List<RawExchangeCapture.Captured> wire, String exception) {
		assertThat(VALIDATED_FAULT_DETAILS).as("validated fault details").contains(q(exception));
		assertThat(wire).as("messages of this test").isNotEmpty();
	}

	/**
	 * Validates everything captured since the test began: at least one item, no schema error, and
	 * each response carries the official wsa:Action of its operation.
	 */
	private static List<RawExchangeCapture.Captured> assertConformant() {
		List<RawExchangeCapture.Captured> wire = capture.drain();
		assertThat(wire).as("raw messages captured").isNotEmpty();
		List<String> problems = new ArrayList<>();
		int validated = 0;
		for (RawExchangeCapture.Captured message : wire) {
			OfficialSchemaValidator.Result result = schemas.validate(message);
			validated += result.validated.size();
			VALIDATED_PER_OPERATION.merge(message.operation(), result.validated.size(), Integer::sum);
			VALIDATED_FAULT_DETAILS.addAll(result.faultDetails);
			for (String problem : result.problems) {
				problems.add(message + ": " + problem);
			}
			for (String skipped : result.skipped) {
				problems.add(message + ": unexpected header block " + skipped);
			}
			if (message.direction() == RawExchangeCapture.Direction.RESPONSE) {
				String action = wsaAction(message);
				String expected = ACTIONS.get(message.operation());
				if (expected != null && !expected.equals(action)) {
					problems.add(message + ": wsa:Action " + action + ", the official WSDL says " + expected);
				}
			}
		}
		assertThat(validated).as("items validated against the official schemas in %s", schemas.directory())
			.isPositive();
		assertThat(problems).as("schema validation errors (official XTA 2 V3 XSDs) in %d messages", wire.size())
			.isEmpty();
		return wire;
	}

	private static String wsaAction(RawExchangeCapture.Captured message) {
		try {
			Document envelope = OfficialSchemaValidator.envelope(message);
			for (Element part : OfficialSchemaValidator.children(envelope.getDocumentElement())) {
				if ("Header".equals(part.getLocalName())) {
					for (Element header : OfficialSchemaValidator.children(part)) {
						if (OfficialSchemaValidator.WSA.equals(header.getNamespaceURI())
								&& "Action".equals(header.getLocalName())) {
							return header.getTextContent().trim();
						}
					}
				}
			}
			return null;
		}
		catch (Exception ex) {
			return "<unreadable: " + ex + ">";
		}
	}

	/** Operation name to wsam:Action, from the client generated from the official WSDL. */
	private static Map<String, String> officialActions() {
		Map<String, String> actions = new HashMap<>();
		for (Class<?> port : List.of(ManagementPortType.class, SendPortType.class, MsgBoxPortType.class)) {
			for (Method method : port.getMethods()) {
				Action action = method.getAnnotation(Action.class);
				WebMethod webMethod = method.getAnnotation(WebMethod.class);
				if (action != null) {
					String operation = (webMethod != null && !webMethod.operationName().isEmpty())
							? webMethod.operationName() : method.getName();
					actions.put(operation, action.output().isEmpty() ? action.input() : action.output());
				}
			}
		}
		return actions;
	}

	private static String q(String exception) {
		return "{" + OfficialSchemaValidator.XTA + "}" + exception;
	}
}
