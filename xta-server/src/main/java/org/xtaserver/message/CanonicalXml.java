package org.xtaserver.message;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.xml.security.c14n.CanonicalizationException;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.c14n.InvalidCanonicalizerException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The stored form of end-to-end encrypted XML ({@code xenc:EncryptedData}): exclusive canonical
 * XML, which keeps every attribute and the ciphertext exactly and needs no context of the document
 * it came from. Parsing refuses DTDs and external entities.
 */
public final class CanonicalXml {

	private final DocumentBuilderFactory documents;

	public CanonicalXml() {
		org.apache.xml.security.Init.init();
		this.documents = DocumentBuilderFactory.newInstance();
		this.documents.setNamespaceAware(true);
		this.documents.setExpandEntityReferences(false);
		try {
			this.documents.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			this.documents.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** @throws XtaFailure MessageSchemaViolation when the element cannot be canonicalised */
	public byte[] exclusive(Element element) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(element, out);
			return out.toByteArray();
		}
		catch (InvalidCanonicalizerException | CanonicalizationException ex) {
			throw XtaError.SCHEMA_VIOLATION.failure("EncryptedData cannot be canonicalised");
		}
	}

	public Element parse(InputStream in) throws IOException {
		try {
			return this.documents.newDocumentBuilder().parse(in).getDocumentElement();
		}
		catch (SAXException | ParserConfigurationException ex) {
			throw new IOException("not well-formed XML: " + ex.getMessage(), ex);
		}
	}

	public Element parse(byte[] xml) throws IOException {
		return parse(new ByteArrayInputStream(xml));
	}
}
