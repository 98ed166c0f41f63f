package org.xtaserver.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xtaserver.tests.support.Actuator;
import org.xtaserver.tests.support.RawSoap;
import org.xtaserver.tests.support.XtaPort;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.tests.support.XtaServerExtension;

/**
 * Small SOAP answers leave in one piece with a Content-Length, not chunked, while CXF's metrics
 * still count them: with MetricsFeature on the endpoints, CXF's final MTOM flush used to reach
 * Tomcat and turn every answer into a chunked one (two TLS writes, chunk parsing on the client).
 */
@ExtendWith(XtaServerExtension.class)
class AnswerFramingTest {

	private static final Map<String, String> CREATE_MESSAGE_ID = Map.of("operation", "createMessageId", "outcome",
			"SUCCESS");

	@Test
	void aSmallAnswerCarriesItsContentLengthAndIsStillCounted(XtaServer server) {
		double before = Actuator.metric(server, "cxf_server_requests_seconds_count", CREATE_MESSAGE_ID);

		RawSoap.Response response = new RawSoap(server, server.identity(0)).post(XtaPort.MANAGEMENT,
				RawSoap.soap12(RawSoap.ACTION_PREFIX + "CreateMessageID"),
				RawSoap.envelope("CreateMessageID", XtaPort.MANAGEMENT, server.identity(0).party().value(), "")
					.getBytes(StandardCharsets.UTF_8));

		assertThat(response.status()).as("%s", response).isEqualTo(200);
		assertThat(response.text()).as("%s", response).contains("urn:de:xta:messageid:");
		assertThat(response.headers().firstValue("Transfer-Encoding")).as("Transfer-Encoding").isEmpty();
		assertThat(response.headers().firstValueAsLong("Content-Length")).as("Content-Length")
			.hasValue(response.body().length);
		assertThat(Actuator.metric(server, "cxf_server_requests_seconds_count", CREATE_MESSAGE_ID))
			.as("cxf.server.requests of createMessageId").isEqualTo(before + 1);
	}
}
