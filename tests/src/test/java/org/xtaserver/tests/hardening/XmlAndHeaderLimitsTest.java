package org.xtaserver.tests.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xtaserver.tests.support.Actuator;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.RawSoap;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaPort;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.tests.support.XtaServerExtension;

/**
 * The SOAP edge refuses XML attacks and oversized structures with a SOAP fault (or, below SOAP, an
 * HTTP 4xx) instead of processing them: DTDs and external entities, entity expansion, deep
 * nesting, many attributes, a huge SOAP header and huge HTTP headers. After each, the server still
 * answers a valid request (checked after every test), so nothing exhausted its memory.
 */
@ExtendWith(XtaServerExtension.class)
class XmlAndHeaderLimitsTest {

	static XtaServer server;

	static DemoIdentity client;

	static RawSoap raw;

	@BeforeAll
	static void client(XtaServer running) {
		server = running;
		client = server.identity(0);
		raw = new RawSoap(server, client);
	}

	@AfterEach
	void theServerStillServes() throws Exception {
		XtaClients.of(server).management(client).checkAccountActive(V3.party(client));
		assertThat(Actuator.ready(server)).as("readiness").isTrue();
	}

	@Test
	void anExternalEntityReadingALocalFileIsRefusedWithoutTheFileInTheAnswer() {
		String body = "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
				+ check(client.party().value() + "&xxe;", "");

		RawSoap.Response response = post(body);

		assertSenderFault(response);
		assertThat(response.text()).doesNotContain("root:");
	}

	@Test
	void billionLaughsIsRefusedAtOnce() {
		StringBuilder dtd = new StringBuilder("<!ENTITY l0 \"lol\">");
		for (int i = 1; i <= 9; i++) {
			dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
		}
		String body = "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [" + dtd + "]>" + check("&l9;", "");

		long started = System.nanoTime();
		RawSoap.Response response = post(body);

		assertSenderFault(response);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void deeplyNestedElementsAreRefused() {
		RawSoap.Response response = post(check(client.party().value(), "<z>".repeat(5000) + "</z>".repeat(5000)));

		assertSenderFault(response);
		assertThat(response.faultReason()).containsIgnoringCase("depth");
	}

	@Test
	void anElementWithTooManyAttributesIsRefused() {
		StringBuilder attributes = new StringBuilder();
		for (int i = 0; i < 200; i++) {
			attributes.append(" a").append(i).append("=\"1\"");
		}
		RawSoap.Response response = post(check(client.party().value(), "<z" + attributes + "/>"));

		assertSenderFault(response);
		assertThat(response.faultReason()).containsIgnoringCase("attribute");
	}

	@Test
	void aHugeSoapHeaderIsRefused() {
		RawSoap.Response response = post(check(client.party().value(), "<z>" + "A".repeat(20 * 1024 * 1024) + "</z>"));

		assertSenderFault(response);
		assertThat(response.faultReason()).containsIgnoringCase("header");
	}

	@Test
	void hugeHttpHeadersAreRefusedBeforeSoap() {
		RawSoap.Response response = raw.send("POST", XtaPort.MANAGEMENT,
				RawSoap.soap12("http://www.xta.de/XTA/CheckAccountActive"),
				check(client.party().value(), "").getBytes(StandardCharsets.UTF_8),
				Map.of("X-Padding", "x".repeat(64 * 1024)));

		assertThat(response.status()).as("%s", response).isBetween(400, 499);
	}

	private static RawSoap.Response post(String body) {
		return raw.post(XtaPort.MANAGEMENT, RawSoap.soap12("http://www.xta.de/XTA/CheckAccountActive"),
				body.getBytes(StandardCharsets.UTF_8));
	}

	/** checkAccountActive with {@code author} as the Author identifier and extra header content. */
	private static String check(String author, String extraHeader) {
		return RawSoap.envelope("CheckAccountActive", XtaPort.MANAGEMENT, null, "")
			.replace("</s:Header>", RawSoap.author(author) + extraHeader + "</s:Header>");
	}

	private static void assertSenderFault(RawSoap.Response response) {
		assertThat(response.isFault()).as("SOAP fault expected: %s", response).isTrue();
		assertThat(response.faultCode()).as("fault code of %s", response).isEqualTo("Sender");
	}
}
