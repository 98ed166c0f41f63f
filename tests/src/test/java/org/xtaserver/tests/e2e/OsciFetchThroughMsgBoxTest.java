package org.xtaserver.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.simulator.OsciSimulator;
import org.xtaserver.osci.simulator.TestPki;
import org.xtaserver.tests.support.DemoIdentity;
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
		org.apache.xml.security.Init.init();
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
		KeyPair readerKey = rsa();
		byte[] encrypted = encrypt("<Antrag xmlns=\"urn:test:hzl\"><Name>" + NAME + "</Name></Antrag>", readerKey);
		Credentials tenantOsci = TestPki.credentials("musterstadt-osci", Clock.systemUTC().instant(), new SecureRandom());
		simulator.seedDelivery(tenantOsci.certificate(), "Antrag auf Hilfe zum Lebensunterhalt", encrypted, Map.of(), null);

		enableOsciFor(server, "musterstadt", tenantOsci);

		MsgBoxPortType box = XtaClients.of(server).msgBox(reader);
		String id = await().atMost(Duration.ofMinutes(2))
			.until(() -> V3.listedIds(box, reader), (ids) -> !ids.isEmpty())
			.get(0);
		V3.Fetched fetched = V3.fetch(box, reader, id);
		Element received = fetched.container().getEncryptedData();

		assertThat(received).as("an EncryptedData container").isNotNull();
		assertThat(decryptName(received, readerKey)).isEqualTo(NAME);
		TransportReport report = XtaClients.of(server).management(reader).getTransportReport(V3.uri(id), V3.party(reader));
		assertThat(report.getMessageStatus().getInfoList().getInfo().get(0).getReason()).contains("OSCI process card");
		assertThat(Files.readString(server.logFile())).doesNotContain(NAME);
		HttpResponse<String> metrics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(server.actuator("prometheus")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(metrics.body()).contains("xta_osci_messages_fetched_total{tenant=\"musterstadt\"} 1.0")
			.contains("xta_osci_last_successful_fetch_timestamp_seconds{tenant=\"musterstadt\"}");
	}

	/** Adds an osci section to the demo tenant's file; the server picks it up on its next reload. */
	private static void enableOsciFor(XtaServer server, String tenant, Credentials osci) throws Exception {
		Path tenants = server.tenantsDirectory();
		Path keys = Files.createDirectories(tenants.resolve("osci"));
		Files.writeString(keys.resolve(tenant + ".crt"), pem("CERTIFICATE", osci.certificate().getEncoded()));
		Files.writeString(keys.resolve(tenant + ".key"), pem("PRIVATE KEY", osci.privateKey().getEncoded()));
		Files.writeString(keys.resolve("intermediary-cipher.crt"), pem("CERTIFICATE", simulator.cipherCertificate().getEncoded()));
		Files.writeString(keys.resolve("intermediary-signature.crt"),
				pem("CERTIFICATE", simulator.signatureCertificate().getEncoded()));
		Path file = tenants.resolve(tenant + ".yaml");
		String yaml = Files.readString(file) + """

				osci:
				  intermediaryUrl: "%s"
				  fetchInterval: 10s
				  certificate: osci/%s.crt
				  privateKey: osci/%s.key
				  intermediaryCertificate: osci/intermediary-cipher.crt
				  intermediarySignatureCertificate: osci/intermediary-signature.crt
				""".formatted(simulator.uri(), tenant, tenant);
		Path temp = Files.writeString(tenants.resolve("." + tenant + ".tmp"), yaml);
		Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static KeyPair rsa() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	private static byte[] encrypt(String xml, KeyPair readerKey) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document doc = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		KeyGenerator aes = KeyGenerator.getInstance("AES");
		aes.init(256);
		SecretKey contentKey = aes.generateKey();
		XMLCipher keyCipher = XMLCipher.getInstance(XMLCipher.RSA_OAEP);
		keyCipher.init(XMLCipher.WRAP_MODE, readerKey.getPublic());
		EncryptedKey encryptedKey = keyCipher.encryptKey(doc, contentKey);
		XMLCipher cipher = XMLCipher.getInstance(XMLCipher.AES_256_GCM);
		cipher.init(XMLCipher.ENCRYPT_MODE, contentKey);
		EncryptedData data = cipher.getEncryptedData();
		KeyInfo keyInfo = new KeyInfo(doc);
		keyInfo.add(encryptedKey);
		data.setKeyInfo(keyInfo);
		cipher.doFinal(doc, doc.getDocumentElement(), false);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		var transformer = TransformerFactory.newInstance().newTransformer();
		transformer.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
		transformer.transform(new DOMSource(doc.getDocumentElement()), new StreamResult(out));
		return out.toByteArray();
	}

	private static String decryptName(Element encrypted, KeyPair readerKey) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document doc = factory.newDocumentBuilder().newDocument();
		Element imported = (Element) doc.importNode(encrypted, true);
		doc.appendChild(imported);
		XMLCipher cipher = XMLCipher.getInstance();
		cipher.init(XMLCipher.DECRYPT_MODE, null);
		cipher.setKEK(readerKey.getPrivate());
		Document decrypted = cipher.doFinal(doc, imported);
		return decrypted.getElementsByTagNameNS("urn:test:hzl", "Name").item(0).getTextContent();
	}
}
