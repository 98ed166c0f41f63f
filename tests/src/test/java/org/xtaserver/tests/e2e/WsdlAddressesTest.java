package org.xtaserver.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xtaserver.tests.support.Tls;
import org.xtaserver.tests.support.XtaPort;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.tests.support.XtaServerExtension;

/** {@code ?wsdl} of every port names the real addresses of all three ports. */
@ExtendWith(XtaServerExtension.class)
class WsdlAddressesTest {

	private static final Pattern ADDRESS = Pattern.compile("<soap:address location=\"([^\"]+)\"");

	@ParameterizedTest
	@EnumSource(XtaPort.class)
	void everyPortsWsdlListsAllThreeRealAddresses(XtaPort port, XtaServer server) throws Exception {
		HttpClient http = HttpClient.newBuilder().sslContext(Tls.context(Tls.keyManagers(server.identity(0)), Tls.trustManagers(server.caCertificate()))).build();
		HttpResponse<String> wsdl = http.send(HttpRequest.newBuilder(URI.create(server.address(port) + "?wsdl")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(wsdl.statusCode()).isEqualTo(200);
		List<String> addresses = new ArrayList<>();
		Matcher m = ADDRESS.matcher(wsdl.body());
		while (m.find()) {
			addresses.add(m.group(1));
		}
		assertThat(addresses).containsExactlyInAnyOrder(server.address(XtaPort.MANAGEMENT),
				server.address(XtaPort.SEND), server.address(XtaPort.MSG_BOX));
	}
}
