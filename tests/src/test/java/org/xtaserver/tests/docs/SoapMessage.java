package org.xtaserver.tests.docs;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.xml.parsers.DocumentBuilder;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xtaserver.tests.support.MimeMultipart;
import org.xtaserver.tests.support.XmlSchemas;

/**
 * A SOAP 1.2 envelope read from an example of the guide or from the wire. MTOM packages are
 * unpacked and every {@code xop:Include} is replaced by its part in base64, as the schemas
 * describe the content; an example that shows only the root part gets empty content there.
 *
 * @param status the HTTP status, or 0 when the example shows the envelope alone
 * @param contentType the HTTP Content-Type, or null when the example shows the envelope alone
 * @param envelope the envelope document
 */
record SoapMessage(int status, String contentType, Document envelope) {

	static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

	static final String WSA = "http://www.w3.org/2005/08/addressing";

	static final String XOP = "http://www.w3.org/2004/08/xop/include";

	static final String OSCI = "http://www.osci.eu/ws/2008/05/transport";

	static final String OSCI_META = "http://www.osci.eu/ws/2014/10/transport";

	static final String XTA = "http://xoev.de/transport/xta/211";

	/** An example: an {@code xml} block is the envelope, an {@code http} block a whole HTTP message. */
	static SoapMessage of(GuideExample example) {
		try {
			if (!"http".equals(example.language())) {
				return ofEnvelope(example.text());
			}
			String text = example.text();
			int end = text.indexOf("\n\n");
			if (end < 0) {
				throw new IllegalArgumentException("an http example needs headers, an empty line and a body");
			}
			List<String> head = text.substring(0, end).lines().toList();
			String[] startLine = head.get(0).trim().split("\\s+");
			int status = startLine[0].startsWith("HTTP/") ? Integer.parseInt(startLine[1]) : 0;
			String contentType = head.stream()
				.filter((line) -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("an http example needs a Content-Type header"));
			return of(status, contentType, text.substring(end + 2).getBytes(StandardCharsets.UTF_8));
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(example.title() + ": " + ex.getMessage(), ex);
		}
	}

	/** An envelope alone; binary content shown as {@code xop:Include} is left empty. */
	static SoapMessage ofEnvelope(String xml) {
		return new SoapMessage(0, null, parse(xml.getBytes(StandardCharsets.UTF_8), Map.of(), false));
	}

	/** A message from the wire. */
	static SoapMessage of(int status, String contentType, byte[] body) {
		String type = (contentType == null) ? "" : contentType;
		if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/related")) {
			return new SoapMessage(status, contentType, parse(body, Map.of(), true));
		}
		Map<String, String> parameters = MimeMultipart.parameters(type);
		String boundary = parameters.get("boundary");
		if (boundary == null) {
			throw new IllegalArgumentException("multipart/related without boundary: " + type);
		}
		List<MimeMultipart.Part> parts = MimeMultipart.parse(body, boundary);
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("no MIME part in a multipart/related message");
		}
		MimeMultipart.Related related = MimeMultipart.Related.of(parts, parameters.get("start"));
		return new SoapMessage(status, contentType, parse(related.root().content(), related.byContentId(), true));
	}

	boolean isFault() {
		return fault().isPresent();
	}

	Optional<Element> fault() {
		return body().flatMap((body) -> children(body).stream()
			.filter((child) -> is(child, SOAP12, "Fault"))
			.findFirst());
	}

	/** The first element in the fault's Detail (the XTA fault element), if any. */
	Optional<Element> faultDetail() {
		return fault().flatMap((fault) -> children(fault).stream().filter((e) -> is(e, SOAP12, "Detail")).findFirst())
			.flatMap((detail) -> children(detail).stream().findFirst());
	}

	/** {@code errorCode/code} of the XTA fault element, if any. */
	Optional<String> errorCode() {
		return faultDetail().flatMap((detail) -> children(detail).stream()
			.filter((e) -> "errorCode".equals(e.getLocalName()))
			.findFirst())
			.flatMap((code) -> children(code).stream().filter((e) -> "code".equals(e.getLocalName())).findFirst())
			.map((code) -> code.getTextContent().trim());
	}

	Optional<Element> header() {
		return children(this.envelope.getDocumentElement()).stream().filter((e) -> is(e, SOAP12, "Header")).findFirst();
	}

	Optional<Element> body() {
		return children(this.envelope.getDocumentElement()).stream().filter((e) -> is(e, SOAP12, "Body")).findFirst();
	}

	List<Element> headerBlocks() {
		return header().map(SoapMessage::children).orElse(List.of());
	}

	/** The header blocks outside WS-Addressing: the XTA/OSCI headers of the operation. */
	List<String> contractHeaders() {
		return headerBlocks().stream().filter((e) -> !WSA.equals(e.getNamespaceURI())).map(SoapMessage::name).toList();
	}

	/** Names of the body's children ({@code {ns}local}); the fault element for a fault. */
	List<String> bodyElements() {
		return body().map((body) -> children(body).stream().map(SoapMessage::name).toList()).orElse(List.of());
	}

	/** Text of the WS-Addressing header {@code localName}, if present. */
	Optional<String> addressing(String localName) {
		return headerBlocks().stream()
			.filter((e) -> is(e, WSA, localName))
			.findFirst()
			.map((e) -> e.getTextContent().trim());
	}

	Optional<Element> headerBlock(String namespace, String localName) {
		return headerBlocks().stream().filter((e) -> is(e, namespace, localName)).findFirst();
	}

	/** Every element below {@code root} (itself included) in document order. */
	static List<Element> descendants(Element root) {
		List<Element> all = new ArrayList<>();
		all.add(root);
		for (Element child : children(root)) {
			all.addAll(descendants(child));
		}
		return all;
	}

	static List<Element> children(Element parent) {
		List<Element> children = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element) {
				children.add(element);
			}
		}
		return children;
	}

	static String name(Element element) {
		return "{" + element.getNamespaceURI() + "}" + element.getLocalName();
	}

	static boolean is(Element element, String namespace, String localName) {
		return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
	}

	/**
	 * Parses the envelope and replaces each {@code xop:Include} by its part in base64; without the
	 * part the content is left empty, unless {@code partsRequired}.
	 */
	private static Document parse(byte[] xml, Map<String, byte[]> parts, boolean partsRequired) {
		Document document;
		try {
			document = documentBuilder().parse(new ByteArrayInputStream(xml));
		}
		catch (Exception ex) {
			throw new IllegalArgumentException("not well-formed XML: " + ex.getMessage(), ex);
		}
		Element root = document.getDocumentElement();
		if (!is(root, SOAP12, "Envelope")) {
			throw new IllegalArgumentException("not a SOAP 1.2 envelope: " + name(root));
		}
		for (Element include : descendants(root).stream().filter((e) -> is(e, XOP, "Include")).toList()) {
			String href = include.getAttribute("href");
			String id = URLDecoder.decode(href.startsWith("cid:") ? href.substring(4) : href, StandardCharsets.UTF_8);
			byte[] part = parts.get(id);
			if (part == null && partsRequired) {
				throw new IllegalArgumentException("xop:Include " + href + " names no MIME part");
			}
			String base64 = (part == null) ? "" : Base64.getEncoder().encodeToString(part);
			include.getParentNode().replaceChild(document.createTextNode(base64), include);
		}
		return document;
	}

	/** The DTD-refusing builder shared with the schema validation (also reads the WSDL). */
	static DocumentBuilder documentBuilder() {
		return XmlSchemas.documentBuilder();
	}
}
