package org.xtaserver.tests.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * End-to-end encryption as a sender does it for the authority (XML Encryption, AES-256-GCM,
 * RSA-OAEP key transport), and decryption as only the reader can do it. The server never sees
 * the reader's key.
 */
public final class ReaderEncryption {

	static {
		org.apache.xml.security.Init.init();
	}

	private ReaderEncryption() {
	}

	public static KeyPair readerKey() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	/** The xenc:EncryptedData element that replaces {@code xml}, for {@code reader}'s public key. */
	public static Element encrypt(String xml, KeyPair reader) throws Exception {
		Document doc = documents().newDocumentBuilder()
			.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		KeyGenerator aes = KeyGenerator.getInstance("AES");
		aes.init(256);
		SecretKey contentKey = aes.generateKey();
		XMLCipher keyCipher = XMLCipher.getInstance(XMLCipher.RSA_OAEP);
		keyCipher.init(XMLCipher.WRAP_MODE, reader.getPublic());
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

	/** The element serialised, e.g. as the content of an OSCI ContentPackage. */
	public static byte[] bytes(Element element) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		var transformer = TransformerFactory.newInstance().newTransformer();
		transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
		transformer.transform(new DOMSource(element), new StreamResult(out));
		return out.toByteArray();
	}

	/** Decrypts with the reader's private key and returns the text of the first {@code localName} element. */
	public static String decryptText(Element encrypted, KeyPair reader, String namespace, String localName)
			throws Exception {
		Document doc = documents().newDocumentBuilder().newDocument();
		Element imported = (Element) doc.importNode(encrypted, true);
		doc.appendChild(imported);
		XMLCipher cipher = XMLCipher.getInstance();
		cipher.init(XMLCipher.DECRYPT_MODE, null);
		cipher.setKEK(reader.getPrivate());
		Document decrypted = cipher.doFinal(doc, imported);
		return decrypted.getElementsByTagNameNS(namespace, localName).item(0).getTextContent();
	}

	private static DocumentBuilderFactory documents() {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory;
	}
}
