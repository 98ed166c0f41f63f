package org.xtaserver.tests.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.xml.ws.Holder;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xtaserver.tests.support.Actuator;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.tests.support.XtaServerExtension;
import org.xtaserver.wsdl.v3.LookupServiceRequest;
import org.xtaserver.wsdl.v3.LookupServiceType;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.MsgBoxPortType;
import org.xtaserver.wsdl.v3.PermissionDeniedException;
import org.xtaserver.wsdl.v3.SendPortType;
import org.xtaserver.wsdl.v3.osci.MsgBoxGetNextRequestType;
import org.xtaserver.wsdl.v3.osci.MsgBoxResponseType;
import org.xtaserver.wsdl.v3.oscimeta.MessageMetaData;

import tools.jackson.databind.JsonNode;

/**
 * Every operation of the three ports, tried by the demo client of one tenant (the intruder)
 * against the other tenant (the owner): with the owner's party as AuthorIdentifier or author, and
 * with the owner's message ids and MsgBoxRequestIDs under the intruder's own identity. Each attempt
 * is PermissionDenied, leaves a DENIED entry with the intruder's certificate fingerprint (and no
 * payload) in the audit trail, and counts in {@code xta_access_denied_total}.
 */
@ExtendWith(XtaServerExtension.class)
class CrossTenantIsolationTest {

	static XtaServer server;

	static DemoIdentity intruder;

	static DemoIdentity owner;

	static String intruderFingerprint;

	static String intruderTenant;

	static ManagementPortType management;

	static SendPortType send;

	static MsgBoxPortType msgBox;

	/** A message of the owner to itself: the intruder is neither author nor reader. */
	static V3.Sent ownersMessage;

	static String ownersRequestId;

	static String service;

	@BeforeAll
	static void theOwnerHasAMessageAndAnOpenListing(XtaServer running) throws Exception {
		server = running;
		intruder = server.identity(0);
		owner = server.identity(1);
		service = DemoTenants.serviceOf(server, owner.party());
		XtaClients clients = XtaClients.of(server);
		ownersMessage = V3.sendSmall(clients.management(owner), clients.send(owner), owner, owner, service,
				"isolation-secret-payload");
		Holder<MsgBoxResponseType> response = new Holder<>();
		clients.msgBox(owner).getStatusList(V3.statusListRequest(1), V3.party(owner), response);
		ownersRequestId = response.value.getMsgBoxRequestID();
		management = clients.management(intruder);
		send = clients.send(intruder);
		msgBox = clients.msgBox(intruder);
		intruderFingerprint = sha256(intruder);
		management.checkAccountActive(V3.party(intruder));
		intruderTenant = Actuator.audit(server, null, null)
			.stream()
			.filter((e) -> intruderFingerprint.equals(e.path("certificateSha256").asString(null)))
			.map((e) -> e.path("tenantId").asString(null))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no audit entry of the intruder's checkAccountActive"));
	}

	// ManagementPort with the owner's party as AuthorIdentifier

	@Test
	void createMessageIdAsTheOwner() {
		assertDenied("createMessageId", () -> management.createMessageId(V3.party(owner)));
	}

	@Test
	void checkAccountActiveAsTheOwner() {
		assertDenied("checkAccountActive", () -> management.checkAccountActive(V3.party(owner)));
	}

	@Test
	void lookupServiceAsTheOwner() {
		LookupServiceType lookup = new LookupServiceType();
		lookup.setReader(V3.party(owner));
		lookup.setServiceType(service);
		LookupServiceRequest.LookupServiceRequestList entry = new LookupServiceRequest.LookupServiceRequestList();
		entry.setLookupService(lookup);
		LookupServiceRequest request = new LookupServiceRequest();
		request.getLookupServiceRequestList().add(entry);
		assertDenied("lookupService", () -> management.lookupService(request, V3.party(owner)));
	}

	@Test
	void getTransportReportAsTheOwner() {
		assertDenied("getTransportReport",
				() -> management.getTransportReport(V3.uri(ownersMessage.messageId()), V3.party(owner)));
	}

	@Test
	void cancelMessageAsTheOwner() {
		assertDenied("cancelMessage", () -> management.cancelMessage(V3.uri(ownersMessage.messageId()), V3.party(owner)));
	}

	// ManagementPort: the owner's message under the intruder's own identity

	@Test
	void getTransportReportOfTheOwnersMessage() {
		assertDenied("getTransportReport",
				() -> management.getTransportReport(V3.uri(ownersMessage.messageId()), V3.party(intruder)));
	}

	@Test
	void cancelMessageOfTheOwnersMessage() {
		assertDenied("cancelMessage",
				() -> management.cancelMessage(V3.uri(ownersMessage.messageId()), V3.party(intruder)));
	}

	// SendXtaPort with the owner as author in the metadata

	@Test
	void sendMessageWithTheOwnerAsAuthor() throws Exception {
		String id = XtaClients.of(server).management(owner).createMessageId(V3.party(owner)).getValue();
		assertDenied("sendMessage",
				() -> send.sendMessage(V3.container(V3.content(new byte[] { 1, 2, 3 }, "application/octet-stream", "x.bin")),
						V3.metadata(id, owner, owner, service), null));
	}

	@Test
	void sendMessageSyncWithTheOwnerAsAuthor() throws Exception {
		String id = XtaClients.of(server).management(owner).createMessageId(V3.party(owner)).getValue();
		assertDenied("sendMessageSync",
				() -> send.sendMessageSync(
						new Holder<>(V3.container(V3.content(new byte[] { 1 }, "application/octet-stream", "x.bin"))),
						new Holder<>(V3.metadata(id, owner, owner, service)), new Holder<>()));
	}

	// MsgBoxPort with the owner's party as AuthorIdentifier

	@Test
	void getStatusListAsTheOwner() {
		assertDenied("getStatusList",
				() -> msgBox.getStatusList(V3.statusListRequest(null), V3.party(owner), new Holder<>()));
	}

	@Test
	void getNextStatusListAsTheOwner() {
		assertDenied("getNextStatusList",
				() -> msgBox.getNextStatusList(next(ownersRequestId), V3.party(owner), new Holder<>()));
	}

	@Test
	void getMessageAsTheOwner() {
		assertDenied("getMessage", () -> msgBox.getMessage(V3.fetchRequest(ownersMessage.messageId()), V3.party(owner),
				new Holder<MessageMetaData>(), new Holder<MsgBoxResponseType>()));
	}

	@Test
	void getNextMessageAsTheOwner() {
		assertDenied("getNextMessage", () -> msgBox.getNextMessage(next(ownersRequestId), V3.party(owner),
				new Holder<MessageMetaData>(), new Holder<MsgBoxResponseType>()));
	}

	@Test
	void closeAsTheOwner() {
		assertDenied("close",
				() -> msgBox.close(V3.closeRequest(ownersRequestId, ownersMessage.messageId()), V3.party(owner)));
	}

	// MsgBoxPort: the owner's ids under the intruder's own identity

	@Test
	void getNextStatusListWithTheOwnersRequestId() {
		assertDenied("getNextStatusList",
				() -> msgBox.getNextStatusList(next(ownersRequestId), V3.party(intruder), new Holder<>()));
	}

	@Test
	void getNextMessageWithTheOwnersRequestId() {
		assertDenied("getNextMessage", () -> msgBox.getNextMessage(next(ownersRequestId), V3.party(intruder),
				new Holder<MessageMetaData>(), new Holder<MsgBoxResponseType>()));
	}

	@Test
	void getMessageOfTheOwnersMessage() {
		assertDenied("getMessage", () -> msgBox.getMessage(V3.fetchRequest(ownersMessage.messageId()),
				V3.party(intruder), new Holder<MessageMetaData>(), new Holder<MsgBoxResponseType>()));
	}

	@Test
	void closeOfTheOwnersMessage() {
		assertDenied("close",
				() -> msgBox.close(V3.closeRequest(ownersRequestId, ownersMessage.messageId()), V3.party(intruder)));
	}

	@Test
	void theOwnersMessageIsUntouchedByAllAttempts() throws Exception {
		MsgBoxPortType ownerBox = XtaClients.of(server).msgBox(owner);
		assertThat(V3.listedIds(ownerBox, owner)).contains(ownersMessage.messageId());
	}

	/** The audit trail's name of each operation. */
	private static final Map<String, String> AUDIT_ACTIONS = Map.ofEntries(Map.entry("checkAccountActive", "CHECK_ACCOUNT"),
			Map.entry("createMessageId", "CREATE_MESSAGE_ID"), Map.entry("lookupService", "LOOKUP_SERVICE"),
			Map.entry("getTransportReport", "TRANSPORT_REPORT"), Map.entry("cancelMessage", "CANCEL"),
			Map.entry("sendMessage", "SEND"), Map.entry("sendMessageSync", "SEND_SYNC"), Map.entry("getStatusList", "LIST"),
			Map.entry("getNextStatusList", "LIST"), Map.entry("getMessage", "FETCH"), Map.entry("getNextMessage", "FETCH"),
			Map.entry("close", "CLOSE"));

	private static MsgBoxGetNextRequestType next(String requestId) {
		MsgBoxGetNextRequestType request = new MsgBoxGetNextRequestType();
		request.setMsgBoxRequestID(requestId);
		return request;
	}

	private static void assertDenied(String operation, ThrowingCallable call) {
		Map<String, String> labels = Map.of("operation", operation, "tenant", intruderTenant);
		double countedBefore = Actuator.metric(server, "xta_access_denied_total", labels);
		Instant before = Instant.now().minusMillis(5);
		long deniedBefore = denied(before).size();

		Throwable thrown = catchThrowable(call);

		assertThat(thrown).as("%s across tenants", operation).isInstanceOf(PermissionDeniedException.class);
		PermissionDeniedException denied = (PermissionDeniedException) thrown;
		assertThat(denied.getFaultInfo().getErrorCode().getCode()).as("errorCode").isIn("9012", "9014");

		List<JsonNode> entries = denied(before);
		assertThat(entries).as("DENIED audit entries with the intruder's fingerprint since the attempt")
			.hasSizeGreaterThan((int) deniedBefore);
		// Refused at authentication (acting as the owner) or at the attempted operation itself.
		assertThat(entries.subList(0, entries.size() - (int) deniedBefore)) // newest first
			.extracting((e) -> e.path("action").asString(null))
			.as("audit action of the refused %s", operation)
			.allMatch((action) -> Set.of("AUTHENTICATE", AUDIT_ACTIONS.get(operation)).contains(action));
		for (JsonNode entry : entries) {
			assertThat(entry.toString()).as("audit entry holds no payload")
				.doesNotContain("isolation-secret-payload")
				.doesNotContain("testNachricht");
		}
		assertThat(Actuator.metric(server, "xta_access_denied_total", labels)).as("xta_access_denied_total %s", labels)
			.isEqualTo(countedBefore + 1);
	}

	private static List<JsonNode> denied(Instant since) {
		return Actuator.audit(server, intruderTenant, null)
			.stream()
			.filter((e) -> "DENIED".equals(e.path("outcome").asString(null)))
			.filter((e) -> intruderFingerprint.equals(e.path("certificateSha256").asString(null)))
			.filter((e) -> !Instant.parse(e.path("at").asString()).isBefore(since))
			.toList();
	}

	private static String sha256(DemoIdentity identity) throws Exception {
		try (InputStream in = Files.newInputStream(identity.certificate())) {
			X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
		}
	}
}
