package org.xtaserver.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;
import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.simulator.OsciSimulator;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.OsciTenantFiles;
import org.xtaserver.tests.support.ReaderEncryption;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.tests.support.XtaServerExtension;
import org.xtaserver.wsdl.v3.MsgBoxPortType;
import org.xtaserver.wsdl.v3.TransportReport;

/**
 * The whole path of an application: a sender's delivery, end-to-end encrypted for the authority,
 * waits at the OSCI intermediary (the simulator); the server fetches it with the tenant's OSCI keys
 * and offers it on MsgBoxPort; the specialist procedure downloads it and only its key opens it.
 */
class OsciFetchThroughMsgBoxTest {

	@RegisterExtension
	static final XtaServerExtension SERVER = XtaServerExtension.dedicated("osci-e2e")
		.args("--xta.tenants.reload-interval=PT1S", "--xta.osci.jitter=PT1S");

	private static final String NAME = "Erika Mustermann";

	private static OsciSimulator simulator;

	@BeforeAll
	static void startIntermediary() throws Exception {
		simulator = OsciSimulator.startWithTestKeys(Clock.systemUTC());
	}

	@AfterAll
	static void stopIntermediary() {
		simulator.close();
	}

	@Test
	void aDeliveryEncryptedForTheAuthorityIsFetchedOfferedAndOpenedOnlyByTheReader() throws Exception {
		XtaServer server = SERVER.server();
		DemoIdentity reader = server.identities().stream()
			.filter((i) -> i.party().value().contains("musterstadt"))
			.findFirst()
			.orElseThrow();
		KeyPair readerKey = ReaderEncryption.readerKey();
		byte[] encrypted = ReaderEncryption.bytes(
				ReaderEncryption.encrypt("<Antrag xmlns=\"urn:test:hzl\"><Name>" + NAME + "</Name></Antrag>", readerKey));
		Credentials tenantOsci = OsciTenantFiles.credentials("musterstadt");
		simulator.seedDelivery(tenantOsci.certificate(), "Antrag auf Hilfe zum Lebensunterhalt", encrypted, Map.of(), null);

		OsciTenantFiles.enableOsci(server.tenantsDirectory(), "musterstadt", tenantOsci, simulator);

		MsgBoxPortType box = XtaClients.of(server).msgBox(reader);
		String id = await().atMost(Duration.ofMinutes(2))
			.until(() -> V3.listedIds(box, reader), (ids) -> !ids.isEmpty())
			.get(0);
		V3.Fetched fetched = V3.fetch(box, reader, id);
		Element received = fetched.container().getEncryptedData();

		assertThat(received).as("an EncryptedData container").isNotNull();
		assertThat(ReaderEncryption.decryptText(received, readerKey, "urn:test:hzl", "Name")).isEqualTo(NAME);
		TransportReport report = XtaClients.of(server).management(reader).getTransportReport(V3.uri(id), V3.party(reader));
		assertThat(report.getMessageStatus().getInfoList().getInfo().get(0).getReason()).contains("OSCI process card");
		assertThat(Files.readString(server.logFile())).doesNotContain(NAME);
		HttpResponse<String> metrics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(server.actuator("prometheus")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(metrics.body()).contains("xta_osci_messages_fetched_total{tenant=\"musterstadt\"} 1.0")
			.contains("xta_osci_last_successful_fetch_timestamp_seconds{tenant=\"musterstadt\"}");
	}

}
