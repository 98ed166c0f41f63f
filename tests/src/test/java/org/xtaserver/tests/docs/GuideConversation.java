package org.xtaserver.tests.docs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
import org.xtaserver.tests.support.RawSoap;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaPort;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.SendPortType;

/**
 * Replays the guide's requests against a running server in the guide's order, as the guide's
 * parties: ManagementPort and SendXtaPort requests with the writer's client certificate, MsgBoxPort
 * requests with the reader's.
 *
 * <p>Before a request goes out, the values the guide could only show as they once were are
 * replaced: the example host by the server's address, the request's {@code wsa:MessageID} by a
 * fresh one, and every value the guide took from an earlier answer (the message id of
 * createMessageId, a {@code MsgBoxRequestID}) by what the server really answered. A message id
 * that no earlier answer explains stands for a message the guide says was sent beforehand: one is
 * sent through the project's client, or, inside {@code MessageMetaData}, only reserved with
 * createMessageId. Fault requests keep such ids, as they are meant to be unknown.
 */
final class GuideConversation {

	/** Host and port that stand for the reader's own server in the guide. */
	static final String EXAMPLE_ROOT = "https://xta.example.de:8443";

	private static final Pattern MESSAGE_ID = Pattern.compile("urn:de:xta:messageid:\\S+");

	private static final Pattern WSA_MESSAGE_ID = Pattern.compile("urn:uuid:[0-9a-fA-F-]{36}");

	private final XtaServer server;

	private final DemoIdentity writer;

	private final DemoIdentity reader;

	private final String service;

	private final ManagementPortType management;

	private final SendPortType send;

	/** Value in the guide → value on this server. */
	private final Map<String, String> replacements = new LinkedHashMap<>();

	GuideConversation(XtaServer server, String writerParty, String readerParty) {
		this.server = server;
		this.writer = identity(server, writerParty);
		this.reader = identity(server, readerParty);
		this.service = DemoTenants.serviceOf(server, this.reader.party());
		XtaClients clients = XtaClients.of(server);
		this.management = clients.management(this.writer);
		this.send = clients.send(this.writer);
		this.replacements.put(EXAMPLE_ROOT, server.httpsRoot().toString());
	}

	/** The request as sent, its {@code wsa:MessageID}, the raw answer and the answer read as SOAP. */
	record Answer(String sent, String sentMessageId, RawSoap.Response response, SoapMessage message) {

		@Override
		public String toString() {
			return "----- sent -----\n" + this.sent + "\n----- answer -----\n" + this.response;
		}
	}

	/** Sends {@code request} with the replacements to the operation's port. */
	Answer send(GuideExample request, WsdlOperation operation) throws Exception {
		if (!request.kind().fault()) {
			prepareMessagesNamedIn(request);
		}
		String text = request.text();
		for (Map.Entry<String, String> replacement : this.replacements.entrySet()) {
			text = text.replace(replacement.getKey(), replacement.getValue());
		}
		text = WSA_MESSAGE_ID.matcher(text).replaceAll((m) -> "urn:uuid:" + UUID.randomUUID());
		XtaPort port = port(operation);
		DemoIdentity identity = (port == XtaPort.MSG_BOX) ? this.reader : this.writer;
		RawSoap.Response response = new RawSoap(this.server, identity).post(port, RawSoap.soap12(operation.action()),
				text.getBytes(StandardCharsets.UTF_8));
		String sentMessageId = SoapMessage.ofEnvelope(text).addressing("MessageID").orElse(null);
		SoapMessage message;
		try {
			message = SoapMessage.of(response.status(), response.contentType(), response.body());
		}
		catch (RuntimeException ex) {
			throw new AssertionError(request.title() + ": the answer is no readable SOAP message: " + ex.getMessage()
					+ "\n" + new Answer(text, sentMessageId, response, null), ex);
		}
		return new Answer(text, sentMessageId, response, message);
	}

	/**
	 * Takes over the values of an answer that later requests of the guide use.
	 * @return problems found (a listing or fetch continued under another request id)
	 */
	List<String> learn(GuideExample documentedExample, SoapMessage documented, SoapMessage real) {
		List<String> problems = new ArrayList<>();
		String wsaMessageId = "{" + SoapMessage.WSA + "}MessageID";
		if (documented.bodyElements().equals(List.of(wsaMessageId)) && real.bodyElements().equals(List.of(wsaMessageId))) {
			this.replacements.put(bodyText(documented), bodyText(real));
		}
		Optional<String> documentedRequestId = msgBoxRequestId(documented);
		Optional<String> realRequestId = msgBoxRequestId(real);
		if (documentedRequestId.isPresent() && realRequestId.isPresent()) {
			String known = this.replacements.putIfAbsent(documentedRequestId.get(), realRequestId.get());
			if (known != null && !known.equals(realRequestId.get())) {
				problems.add(documentedExample.title() + ": the guide shows the MsgBoxRequestID " + documentedRequestId.get()
						+ " of an earlier answer, the server answered " + realRequestId.get() + " instead of " + known);
			}
		}
		return problems;
	}

	/** Messages the guide's request names without an earlier answer explaining them. */
	private void prepareMessagesNamedIn(GuideExample request) throws Exception {
		Element root = SoapMessage.of(request).envelope().getDocumentElement();
		for (Element element : SoapMessage.descendants(root)) {
			if (!SoapMessage.children(element).isEmpty()) {
				continue;
			}
			String value = element.getTextContent().trim();
			if (!MESSAGE_ID.matcher(value).matches() || this.replacements.containsKey(value)) {
				continue;
			}
			String prepared = insideMetadata(element)
					? this.management.createMessageId(V3.party(this.writer)).getValue()
					: V3.sendSmall(this.management, this.send, this.writer, this.reader, this.service, "integrators-guide")
						.messageId();
			this.replacements.put(value, prepared);
		}
	}

	private static boolean insideMetadata(Element element) {
		for (Node node = element; node instanceof Element e; node = e.getParentNode()) {
			if (SoapMessage.is(e, SoapMessage.OSCI_META, "MessageMetaData")) {
				return true;
			}
		}
		return false;
	}

	private static String bodyText(SoapMessage message) {
		return message.body().map((body) -> SoapMessage.children(body).get(0).getTextContent().trim()).orElseThrow();
	}

	private static Optional<String> msgBoxRequestId(SoapMessage message) {
		return message.headerBlock(SoapMessage.OSCI, "MsgBoxResponse")
			.map((header) -> header.getAttribute("MsgBoxRequestID"))
			.filter((id) -> !id.isEmpty());
	}

	static XtaPort port(WsdlOperation operation) {
		return Arrays.stream(XtaPort.values())
			.filter((port) -> port.portName().equals(operation.port()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the WSDL port " + operation.port() + " of "
					+ operation.name() + " is unknown to the test harness (support/XtaPort)"));
	}

	private static DemoIdentity identity(XtaServer server, String partyValue) {
		return server.identities()
			.stream()
			.filter((identity) -> identity.party().value().equals(partyValue))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the guide's examples act as " + partyValue
					+ ", but the demo server has no such identity: " + server.identities()));
	}
}
