package org.xtaserver.tests.conformance;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.validation.Schema;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xtaserver.tests.support.MimeMultipart;
import org.xtaserver.tests.support.XmlSchemas;

/**
 * Validates captured SOAP messages against the OFFICIAL XTA 2 V3 schemas (read from
 * {@code xta.shared.dir}/xta2-v3 at test time, never copied into the project).
 *
 * <p>For each message: MTOM packages are unpacked and every {@code xop:Include} is replaced by its
 * part in base64, as the schema describes the content; then each child of {@code soap:Body} (for a
 * fault: each child of {@code soap:Fault/soap:Detail}) and each header block in an XTA, OSCI or
 * WS-Addressing namespace is validated on its own against one schema made of
 * XTA-Webservice-Globale-Elemente.xsd, XTA-Webservice-Exceptions.xsd, OSCI2_02.xsd,
 * OSCI_MessageMetaData_V2.02.xsd and ws-addr.xsd (which import the rest by relative
 * schemaLocation).
 */
final class OfficialSchemaValidator {

	static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";

	static final String XOP = "http://www.w3.org/2004/08/xop/include";

	static final String XTA = "http://xoev.de/transport/xta/211";

	static final String OSCI_META = "http://www.osci.eu/ws/2014/10/transport";

	static final String OSCI = "http://www.osci.eu/ws/2008/05/transport";

	static final String WSA = "http://www.w3.org/2005/08/addressing";

	/** Header blocks in these namespaces are validated; others (none expected) are listed as skipped. */
	static final Set<String> VALIDATED_HEADER_NAMESPACES = Set.of(XTA, OSCI_META, OSCI, WSA);

	static final List<String> SCHEMA_FILES = List.of("XTA-Webservice-Globale-Elemente.xsd",
			"XTA-Webservice-Exceptions.xsd", "OSCI2_02.xsd", "OSCI_MessageMetaData_V2.02.xsd", "ws-addr.xsd");

	private final Schema schema;

	private final Path directory;

	private OfficialSchemaValidator(Schema schema, Path directory) {
		this.schema = schema;
		this.directory = directory;
	}

	/** The schema of the official files in {@code xta2v3Directory}. */
	static OfficialSchemaValidator load(Path xta2v3Directory) {
		Path directory = xta2v3Directory.toAbsolutePath().normalize();
		for (String file : SCHEMA_FILES) {
			if (!Files.isRegularFile(directory.resolve(file))) {
				throw new IllegalStateException("official schema " + directory.resolve(file) + " is missing");
			}
		}
		// One document that pulls in all five, like the WSDL's types section does: several
		// top-level sources of one namespace are not reliably merged by the JDK's schema loader.
		String wrapper = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"" + XTA
				+ "\" elementFormDefault=\"qualified\">\n"
				+ "  <xs:import namespace=\"" + OSCI_META + "\" schemaLocation=\"OSCI_MessageMetaData_V2.02.xsd\"/>\n"
				+ "  <xs:import namespace=\"" + OSCI + "\" schemaLocation=\"OSCI2_02.xsd\"/>\n"
				+ "  <xs:import namespace=\"" + WSA + "\" schemaLocation=\"ws-addr.xsd\"/>\n"
				+ "  <xs:include schemaLocation=\"XTA-Webservice-Globale-Elemente.xsd\"/>\n"
				+ "  <xs:include schemaLocation=\"XTA-Webservice-Exceptions.xsd\"/>\n" + "</xs:schema>\n";
		try {
			return new OfficialSchemaValidator(
					XmlSchemas.compile(wrapper, directory.resolve("conformance-test-wrapper.xsd")), directory);
		}
		catch (SAXException ex) {
			throw new IllegalStateException("cannot compile the official XTA schemas in " + directory, ex);
		}
	}

	Path directory() {
		return this.directory;
	}

	/**
	 * Validates the items of one raw message.
	 * @return what was validated and every problem found
	 */
	Result validate(RawExchangeCapture.Captured message) {
		Result result = new Result(message.toString());
		Document envelope;
		try {
			envelope = envelope(message);
		}
		catch (Exception ex) {
			result.problems.add("cannot parse the SOAP message: " + ex);
			return result;
		}
		Element root = envelope.getDocumentElement();
		if (!SOAP12.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
			result.problems.add("not a SOAP 1.2 envelope: {" + root.getNamespaceURI() + "}" + root.getLocalName());
			return result;
		}
		for (Element part : children(root)) {
			if (!SOAP12.equals(part.getNamespaceURI())) {
				continue;
			}
			if ("Header".equals(part.getLocalName())) {
				for (Element block : children(part)) {
					if (VALIDATED_HEADER_NAMESPACES.contains(block.getNamespaceURI())) {
						validate(block, "header", result);
					}
					else {
						result.skipped.add("header " + name(block));
					}
				}
			}
			else if ("Body".equals(part.getLocalName())) {
				for (Element child : children(part)) {
					if (SOAP12.equals(child.getNamespaceURI()) && "Fault".equals(child.getLocalName())) {
						result.fault = true;
						for (Element faultPart : children(child)) {
							if (SOAP12.equals(faultPart.getNamespaceURI()) && "Detail".equals(faultPart.getLocalName())) {
								for (Element detail : children(faultPart)) {
									validate(detail, "fault detail", result);
								}
							}
						}
					}
					else {
						validate(child, "body", result);
					}
				}
			}
		}
		return result;
	}

	private void validate(Element element, String where, Result result) {
		String item = where + " " + name(element);
		result.validated.add(item);
		if (where.equals("fault detail")) {
			result.faultDetails.add(name(element));
		}
		List<String> errors = XmlSchemas.errors(this.schema, element);
		for (String error : errors) {
			result.problems.add(item + ": " + error);
		}
	}

	/** The SOAP envelope of a raw message, MTOM parts inlined as base64. */
	static Document envelope(RawExchangeCapture.Captured message) throws Exception {
		String contentType = (message.contentType() == null) ? "" : message.contentType();
		if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/related")) {
			return parse(message.bytes());
		}
		Map<String, String> parameters = MimeMultipart.parameters(contentType);
		String boundary = parameters.get("boundary");
		if (boundary == null) {
			throw new IllegalArgumentException("multipart/related without boundary: " + contentType);
		}
		List<MimeMultipart.Part> parts = MimeMultipart.parse(message.bytes(), boundary);
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("no MIME part in " + message);
		}
		MimeMultipart.Related related = MimeMultipart.Related.of(parts, parameters.get("start"));
		Map<String, byte[]> byContentId = related.byContentId();
		Document document = parse(related.root().content());
		List<Element> includes = new ArrayList<>();
		collect(document.getDocumentElement(), XOP, "Include", includes);
		for (Element include : includes) {
			String href = include.getAttribute("href");
			String id = URLDecoder.decode(href.startsWith("cid:") ? href.substring(4) : href, StandardCharsets.UTF_8);
			byte[] part = byContentId.get(id);
			if (part == null) {
				throw new IllegalArgumentException("xop:Include " + href + " names no MIME part of " + message);
			}
			include.getParentNode()
				.replaceChild(document.createTextNode(Base64.getEncoder().encodeToString(part)), include);
		}
		return document;
	}

	private static Document parse(byte[] xml) throws Exception {
		return XmlSchemas.documentBuilder().parse(new ByteArrayInputStream(xml));
	}

	private static void collect(Element element, String namespace, String localName, List<Element> found) {
		if (namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName())) {
			found.add(element);
			return;
		}
		for (Element child : children(element)) {
			collect(child, namespace, localName, found);
		}
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

	private static String name(Element element) {
		return "{" + element.getNamespaceURI() + "}" + element.getLocalName();
	}

	/** The validation outcome of one message. */
	static final class Result {

		final String message;

		final List<String> validated = new ArrayList<>();

		final List<String> skipped = new ArrayList<>();

		final List<String> faultDetails = new ArrayList<>();

		final List<String> problems = new ArrayList<>();

		boolean fault;

		Result(String message) {
			this.message = message;
		}
	}
}
