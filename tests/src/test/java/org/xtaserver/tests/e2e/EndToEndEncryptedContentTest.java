package org.xtaserver.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
import org.xtaserver.tests.support.ReaderEncryption;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.tests.support.XtaServerExtension;
import org.xtaserver.wsdl.v3.GenericContentContainer;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.MsgBoxPortType;
import org.xtaserver.wsdl.v3.SendPortType;

/**
 * Content encrypted end to end (real XML Encryption, AES-256-GCM with an RSA-OAEP key transport)
 * for a reader key the server never sees: it passes sendMessage and getMessage unchanged, and only
 * the reader's key opens it.
 */
@ExtendWith(XtaServerExtension.class)
class EndToEndEncryptedContentTest {

	private static final String XENC = "http://www.w3.org/2001/04/xmlenc#";

	static XtaServer server;

	static DemoIdentity author;

	static DemoIdentity reader;

	@BeforeAll
	static void setUp(XtaServer running) {
		server = running;
		author = server.identity(0);
		reader = server.identity(1);
	}

	@Test
	void encryptedDataArrivesUnchangedAndOnlyTheReaderKeyOpensIt() throws Exception {
		KeyPair readerKey = ReaderEncryption.readerKey();
		String plaintext = "<Antrag xmlns=\"urn:test:hzl\"><Name>Erika Mustermann</Name><Betrag>1234</Betrag></Antrag>";
		Element encrypted = ReaderEncryption.encrypt(plaintext, readerKey);
		String cipherValue = cipherValue(encrypted);

		XtaClients clients = XtaClients.of(server);
		ManagementPortType management = clients.management(author);
		SendPortType send = clients.send(author);
		MsgBoxPortType box = clients.msgBox(reader);
		String service = DemoTenants.serviceOf(server, reader.party());
		String id = management.createMessageId(V3.party(author)).getValue();
		GenericContentContainer container = new GenericContentContainer();
		container.setEncryptedData(encrypted);
		send.sendMessage(container, V3.metadata(id, author, reader, service), null);

		V3.Fetched fetched = V3.fetch(box, reader, id);
		Element received = fetched.container().getEncryptedData();
		assertThat(received).as("EncryptedData in the fetched container").isNotNull();
		assertThat(received.getNamespaceURI()).isEqualTo(XENC);
		assertThat(received.getLocalName()).isEqualTo("EncryptedData");
		assertThat(fetched.container().getContentContainer()).isNull();
		assertThat(cipherValue(received)).as("ciphertext byte for byte").isEqualTo(cipherValue);
		assertThat(ReaderEncryption.decryptText(received, readerKey, "urn:test:hzl", "Name")).isEqualTo("Erika Mustermann");
		assertThat(java.nio.file.Files.readString(server.logFile())).doesNotContain("Erika Mustermann");
	}

	private static String cipherValue(Element encryptedData) {
		Node cipherData = encryptedData.getElementsByTagNameNS(XENC, "CipherData").item(0);
		return ((Element) cipherData).getElementsByTagNameNS(XENC, "CipherValue").item(0).getTextContent().strip();
	}
}
