package org.xtaserver.tests.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.xml.ws.Holder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
import org.xtaserver.tests.support.RawSoap;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaPort;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.tests.support.XtaServerExtension;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.osci.MsgBoxResponseType;

/**
 * Replays the bad-request corpus ({@code src/test/resources/corpus/}, listed with port, method,
 * Content-Type and the expected answer in {@code manifest.tsv}) over mutual TLS as the demo client
 * of Musterstadt. Each request must get the expected XTA fault (by the local name of the fault's
 * detail element), SOAP fault code or HTTP status; the server must answer a valid request after
 * each one; and the messages stored before the corpus must come back byte for byte afterwards.
 *
 * <p>Placeholders in the files are filled at replay time: {@code ${UUID}} a fresh UUID,
 * {@code ${TO}} the port's address, {@code ${NOW}} the current time, {@code ${SELF}} and
 * {@code ${FOREIGN}} the caller's and the other tenant's party, {@code ${SERVICE}} a service of the
 * other tenant's postbox, {@code ${RESERVED}} an id freshly reserved by the caller, {@code ${USED}}
 * the id of a message the caller already sent, {@code ${UNFETCHED}} a message in the caller's
 * postbox never fetched, {@code ${FOREIGN_MSG}} a message of the other tenant (author and reader),
 * {@code ${FOREIGN_REQ}} a MsgBoxRequestID of the other tenant's postbox.
 */
@ExtendWith(XtaServerExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadRequestCorpusTest {

	static final String CORPUS = "/corpus/";

	static XtaServer server;

	static DemoIdentity self;

	static DemoIdentity foreign;

	static ManagementPortType selfManagement;

	static RawSoap raw;

	static final Map<String, String> values = new HashMap<>();

	/** Messages stored before the corpus: id, reader and content. */
	static final List<Stored> stored = new ArrayList<>();

	record Stored(V3.Sent sent, DemoIdentity reader) {
	}

	record Case(String file, XtaPort port, String method, String contentType, String expect, String description) {
	}

	@BeforeAll
	static void messagesAreStoredBeforeTheCorpus(XtaServer running) throws Exception {
		server = running;
		self = server.identity(0);
		foreign = server.identity(1);
		XtaClients clients = XtaClients.of(server);
		selfManagement = clients.management(self);
		raw = new RawSoap(server, self);
		String foreignService = DemoTenants.serviceOf(server, foreign.party());
		String selfService = DemoTenants.serviceOf(server, self.party());

		V3.Sent used = V3.sendSmall(selfManagement, clients.send(self), self, foreign, foreignService, "corpus-used");
		V3.Sent foreignMessage = V3.sendSmall(clients.management(foreign), clients.send(foreign), foreign, foreign,
				foreignService, "corpus-foreign");
		V3.Sent unfetched = V3.sendSmall(clients.management(foreign), clients.send(foreign), foreign, self, selfService,
				"corpus-unfetched");
		stored.add(new Stored(used, foreign));
		stored.add(new Stored(foreignMessage, foreign));
		stored.add(new Stored(unfetched, self));

		Holder<MsgBoxResponseType> response = new Holder<>();
		clients.msgBox(foreign).getStatusList(V3.statusListRequest(1), V3.party(foreign), response);

		values.put("SELF", self.party().value());
		values.put("FOREIGN", foreign.party().value());
		values.put("SERVICE", foreignService);
		values.put("USED", used.messageId());
		values.put("FOREIGN_MSG", foreignMessage.messageId());
		values.put("UNFETCHED", unfetched.messageId());
		values.put("FOREIGN_REQ", response.value.getMsgBoxRequestID());
	}

	@Test
	@Order(1)
	void theCorpusHasAtLeastFortyRequests() {
		assertThat(cases()).hasSizeGreaterThanOrEqualTo(40);
	}

	@TestFactory
	@Order(2)
	Stream<DynamicTest> eachBadRequestGetsTheRightAnswerAndTheServerKeepsServing() {
		return cases().stream().map((c) -> DynamicTest.dynamicTest(c.file() + ": " + c.description(), () -> {
			RawSoap.Response response = raw.send(c.method(), c.port(), c.contentType(), body(c));

			String[] expected = c.expect().split(":", 2);
			switch (expected[0]) {
				case "fault" -> {
					assertThat(response.status()).as("HTTP status of %s", response).isEqualTo(500);
					assertThat(response.faultDetail()).as("XTA fault of %s", response).isEqualTo(expected[1]);
				}
				case "soap" -> {
					assertThat(response.isFault()).as("SOAP fault expected: %s", response).isTrue();
					assertThat(response.faultDetail()).as("no XTA fault detail in %s", response).isNull();
					assertThat(response.faultCode()).as("SOAP fault code of %s", response).isEqualTo(expected[1]);
				}
				case "http" -> assertThat(response.status()).as("HTTP status of %s", response)
					.isEqualTo(Integer.parseInt(expected[1]));
				default -> throw new IllegalStateException("unknown expectation " + c.expect() + " in manifest.tsv");
			}
			selfManagement.checkAccountActive(V3.party(self));
		}));
	}

	@Test
	@Order(3)
	void everyMessageStoredBeforeTheCorpusIsStillThereUnchanged() throws Exception {
		XtaClients clients = XtaClients.of(server);
		for (Stored s : stored) {
			assertThat(V3.listedIds(clients.msgBox(s.reader()), s.reader())).as("postbox of %s", s.reader().name())
				.contains(s.sent().messageId());
		}
		for (Stored s : stored) {
			V3.Fetched fetched = V3.fetch(clients.msgBox(s.reader()), s.reader(), s.sent().messageId());
			assertThat(fetched.messageId()).isEqualTo(s.sent().messageId());
			assertThat(fetched.message()).as("message of %s", s.sent().messageId()).isEqualTo(s.sent().message());
			assertThat(fetched.attachments()).as("attachments of %s", s.sent().messageId())
				.containsExactly(s.sent().attachment());
		}
	}

	@AfterAll
	static void theReadersCloseWhatTheyFetched() throws Exception {
		if (server == null) {
			return;
		}
		XtaClients clients = XtaClients.of(server);
		for (Stored s : stored) {
			try {
				V3.Fetched fetched = V3.fetch(clients.msgBox(s.reader()), s.reader(), s.sent().messageId());
				clients.msgBox(s.reader())
					.close(V3.closeRequest(fetched.response().getMsgBoxRequestID(), s.sent().messageId()),
							V3.party(s.reader()));
			}
			catch (Exception ex) {
				// best effort: the shared server's other tests do not depend on these messages
			}
		}
	}

	private static byte[] body(Case c) throws Exception {
		String text = resource(c.file());
		if (text.isEmpty()) {
			return null;
		}
		Map<String, String> now = new HashMap<>(values);
		now.put("UUID", UUID.randomUUID().toString());
		now.put("TO", server.address(c.port()));
		now.put("NOW", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
		if (text.contains("${RESERVED}")) {
			now.put("RESERVED", selfManagement.createMessageId(V3.party(self)).getValue());
		}
		for (Map.Entry<String, String> e : now.entrySet()) {
			text = text.replace("${" + e.getKey() + "}", e.getValue());
		}
		assertThat(text).as("unfilled placeholder in %s", c.file()).doesNotContain("${");
		if (c.file().endsWith(".mime")) {
			// MIME needs CRLF, whatever a checkout did to the line ends
			text = text.replace("\r\n", "\n").replace("\n", "\r\n");
		}
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		for (String line : resource("manifest.tsv").lines().toList()) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] f = line.split("\t", -1);
			if (f.length != 6) {
				throw new IllegalStateException("manifest.tsv: 6 tab-separated fields expected: " + line);
			}
			cases.add(new Case(f[0], XtaPort.valueOf(f[1]), f[2], f[3].isEmpty() ? null : f[3], f[4], f[5]));
		}
		return cases;
	}

	private static String resource(String name) {
		try (InputStream in = BadRequestCorpusTest.class.getResourceAsStream(CORPUS + name)) {
			if (in == null) {
				throw new IllegalStateException("corpus file missing: " + CORPUS + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
