package org.xtaserver.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
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
		org.apache.xml.security.Init.init();
		server = running;
		author = server.identity(0);
		reader = server.identity(1);
	}

	@Test
	void encryptedDataArrivesUnchangedAndOnlyTheReaderKeyOpensIt() throws Exception {
		KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		KeyPair readerKey = rsa.generateKeyPair();
		String plaintext = "<Antrag xmlns=\"urn:test:hzl\"><Name>Erika Mustermann</Name><Betrag>1234</Betrag></Antrag>";
		Element encrypted = encrypt(plaintext, readerKey);
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
		assertThat(decrypt(received, readerKey)).isEqualTo("Erika Mustermann");
		assertThat(java.nio.file.Files.readString(server.logFile())).doesNotContain("Erika Mustermann");
	}

	private static Element encrypt(String xml, KeyPair readerKey) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document doc = factory.newDocumentBuilder()
			.parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
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
		return doc.getDocumentElement();
	}

	private static String decrypt(Element encrypted, KeyPair readerKey) throws Exception {
		Document doc = encrypted.getOwnerDocument();
		Node imported = encrypted;
		if (doc.getDocumentElement() != encrypted) {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			doc = factory.newDocumentBuilder().newDocument();
			imported = doc.importNode(encrypted, true);
			doc.appendChild(imported);
		}
		XMLCipher cipher = XMLCipher.getInstance();
		cipher.init(XMLCipher.DECRYPT_MODE, null);
		cipher.setKEK(readerKey.getPrivate());
		Document decrypted = cipher.doFinal(doc, (Element) imported);
		return decrypted.getElementsByTagNameNS("urn:test:hzl", "Name").item(0).getTextContent();
	}

	private static String cipherValue(Element encryptedData) {
		Node cipherData = encryptedData.getElementsByTagNameNS(XENC, "CipherData").item(0);
		return ((Element) cipherData).getElementsByTagNameNS(XENC, "CipherValue").item(0).getTextContent().strip();
	}
}
