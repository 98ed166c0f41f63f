package org.xtaserver.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validator itself, on hand-written messages and without a server: it must find errors where
 * there are some (else the conformance test would pass vacuously), accept valid MTOM messages
 * and look into fault details.
 */
class OfficialSchemaValidatorTest {

	static final String BOUNDARY = "uuid:7d4a1f0c-test";

	static OfficialSchemaValidator validator;

	@BeforeAll
	static void officialSchemas() {
		validator = OfficialSchemaValidator
			.load(Paths.get(System.getProperty("xta.shared.dir", "../../shared"), "xta2-v3"));
	}

	@Test
	void aValidMtomRequestWithXopIncludesHasNoProblems() {
		String root = envelope("""
				<wsa:Action xmlns:wsa="http://www.w3.org/2005/08/addressing">http://www.xta.de/XTA/SendMessage</wsa:Action>
				<ns2:Author xmlns:ns2="http://www.osci.eu/ws/2014/10/transport"><ns2:Identifier type="xoev">urn:a</ns2:Identifier></ns2:Author>
				""", """
				<xta:GenericContentContainer xmlns:xta="http://xoev.de/transport/xta/211">
				  <xta:ContentContainer>
				    <xta:Message contentType="text/xml" size="5"><xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:part-1%40test"/></xta:Message>
				  </xta:ContentContainer>
				</xta:GenericContentContainer>
				""");
		String body = "--" + BOUNDARY + "\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"application/soap+xml\"\r\n"
				+ "Content-ID: <root.message@cxf.apache.org>\r\n\r\n" + root + "\r\n--" + BOUNDARY + "\r\n"
				+ "Content-Type: application/octet-stream\r\nContent-ID: <part-1@test>\r\n\r\n<a/>\n\r\n--" + BOUNDARY
				+ "--";
		RawExchangeCapture.Captured message = new RawExchangeCapture.Captured("sendMessage",
				RawExchangeCapture.Direction.REQUEST,
				"multipart/related; type=\"application/xop+xml\"; boundary=\"" + BOUNDARY
						+ "\"; start=\"<root.message@cxf.apache.org>\"; start-info=\"application/soap+xml\"",
				body.getBytes(StandardCharsets.UTF_8), null);

		OfficialSchemaValidator.Result result = validator.validate(message);

		assertThat(result.problems).isEmpty();
		assertThat(result.validated).hasSize(3);
	}

	@Test
	void anElementBreakingTheOfficialSchemaIsReported() {
		OfficialSchemaValidator.Result result = validator.validate(plain(envelope("", """
				<osci:MsgBoxCloseRequest xmlns:osci="http://www.osci.eu/ws/2008/05/transport">
				  <osci:LastMsgReceived xmlns:osci="http://www.osci.eu/ws/2008/05/transport">urn:x</osci:LastMsgReceived>
				</osci:MsgBoxCloseRequest>
				""")));

		assertThat(result.validated).hasSize(1);
		assertThat(result.problems).as("MsgBoxCloseRequest without MsgBoxRequestID, LastMsgReceived in the wrong namespace")
			.isNotEmpty();
	}

	@Test
	void anElementTheOfficialSchemasDoNotDeclareIsReported() {
		OfficialSchemaValidator.Result result = validator
			.validate(plain(envelope("", "<xta:NoSuchElement xmlns:xta=\"http://xoev.de/transport/xta/211\"/>")));

		assertThat(result.problems).singleElement().asString().contains("NoSuchElement");
	}

	@Test
	void aFaultDetailIsValidated() {
		OfficialSchemaValidator.Result result = validator.validate(plain(envelope("", """
				<soap:Fault xmlns:soap="http://www.w3.org/2003/05/soap-envelope">
				  <soap:Code><soap:Value>soap:Receiver</soap:Value></soap:Code>
				  <soap:Reason><soap:Text xml:lang="en">denied</soap:Text></soap:Reason>
				  <soap:Detail>
				    <xta:PermissionDeniedException xmlns:xta="http://xoev.de/transport/xta/211">
				      <xta:errorCode listURI="urn:de:xta:webservice:codeliste:fehlernummer" listVersionID="1.0"><code>9102</code><name>denied</name></xta:errorCode>
				    </xta:PermissionDeniedException>
				  </soap:Detail>
				</soap:Fault>
				""")));

		assertThat(result.fault).isTrue();
		assertThat(result.faultDetails).containsExactly("{http://xoev.de/transport/xta/211}PermissionDeniedException");
		assertThat(result.problems).isEmpty();
	}

	private static RawExchangeCapture.Captured plain(String envelope) {
		return new RawExchangeCapture.Captured("test", RawExchangeCapture.Direction.RESPONSE,
				"application/soap+xml; charset=UTF-8", envelope.getBytes(StandardCharsets.UTF_8), 500);
	}

	private static String envelope(String headers, String body) {
		return "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Header>" + headers
				+ "</soap:Header><soap:Body>" + body + "</soap:Body></soap:Envelope>";
	}
}
