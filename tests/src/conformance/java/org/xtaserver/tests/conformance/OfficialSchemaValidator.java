package org.xtaserver.tests.conformance;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

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
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			StreamSource source = new StreamSource(new StringReader(wrapper),
					directory.resolve("conformance-test-wrapper.xsd").toUri().toString());
			return new OfficialSchemaValidator(factory.newSchema(source), directory);
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
		List<String> errors = new ArrayList<>();
		Validator validator = this.schema.newValidator();
		validator.setErrorHandler(new ErrorHandler() {
			@Override
			public void warning(SAXParseException exception) {
			}

			@Override
			public void error(SAXParseException exception) {
				errors.add(exception.getMessage());
			}

			@Override
			public void fatalError(SAXParseException exception) {
				errors.add(exception.getMessage());
			}
		});
		try {
			validator.validate(new DOMSource(standalone(element)));
		}
		catch (Exception ex) {
			errors.add(String.valueOf(ex));
		}
		for (String error : errors) {
			result.problems.add(item + ": " + error);
		}
	}

	/** The element as the root of a document of its own, with every namespace in scope declared. */
	private static Document standalone(Element element) throws Exception {
		Document document = documentBuilder().newDocument();
		Element copy = (Element) document.importNode(element, true);
		Map<String, String> inScope = new LinkedHashMap<>();
		for (Node node = element.getParentNode(); node instanceof Element ancestor; node = ancestor.getParentNode()) {
			NamedNodeMap attributes = ancestor.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				Attr attribute = (Attr) attributes.item(i);
				if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
					inScope.putIfAbsent(attribute.getName(), attribute.getValue());
				}
			}
		}
		inScope.forEach((qname, uri) -> {
			if (!copy.hasAttribute(qname)) {
				copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, qname, uri);
			}
		});
		document.appendChild(copy);
		return document;
	}

	/** The SOAP envelope of a raw message, MTOM parts inlined as base64. */
	static Document envelope(RawExchangeCapture.Captured message) throws Exception {
		String contentType = (message.contentType() == null) ? "" : message.contentType();
		if (!contentType.toLowerCase(Locale.ROOT).startsWith("multipart/related")) {
			return parse(message.bytes());
		}
		Map<String, String> parameters = parameters(contentType);
		String boundary = parameters.get("boundary");
		if (boundary == null) {
			throw new IllegalArgumentException("multipart/related without boundary: " + contentType);
		}
		List<MimePart> parts = MimePart.split(message.bytes(), boundary);
		if (parts.isEmpty()) {
			throw new IllegalArgumentException("no MIME part in " + message);
		}
		String start = unbracket(parameters.get("start"));
		MimePart root = parts.get(0);
		Map<String, byte[]> byContentId = new HashMap<>();
		for (MimePart part : parts) {
			String id = unbracket(part.headers().get("content-id"));
			if (id != null) {
				byContentId.put(id, part.body());
				if (id.equals(start)) {
					root = part;
				}
			}
		}
		Document document = parse(root.body());
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
		return documentBuilder().parse(new ByteArrayInputStream(xml));
	}

	private static DocumentBuilder documentBuilder() throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		return factory.newDocumentBuilder();
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

	private static String unbracket(String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.trim();
		return (trimmed.startsWith("<") && trimmed.endsWith(">")) ? trimmed.substring(1, trimmed.length() - 1)
				: trimmed;
	}

	/** The parameters of a Content-Type value (names lower case, quotes removed). */
	static Map<String, String> parameters(String contentType) {
		Map<String, String> parameters = new HashMap<>();
		String[] pieces = contentType.split(";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
		for (int i = 1; i < pieces.length; i++) {
			int eq = pieces[i].indexOf('=');
			if (eq > 0) {
				String value = pieces[i].substring(eq + 1).trim();
				if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
					value = value.substring(1, value.length() - 1);
				}
				parameters.put(pieces[i].substring(0, eq).trim().toLowerCase(Locale.ROOT), value);
			}
		}
		return parameters;
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

	/** One part of a MIME multipart body. */
	record MimePart(Map<String, String> headers, byte[] body) {

		static List<MimePart> split(byte[] body, String boundary) {
			byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
			List<Integer> starts = new ArrayList<>();
			for (int i = indexOf(body, delimiter, 0); i >= 0; i = indexOf(body, delimiter, i + delimiter.length)) {
				starts.add(i);
			}
			List<MimePart> parts = new ArrayList<>();
			for (int k = 0; k + 1 < starts.size(); k++) {
				int from = starts.get(k) + delimiter.length;
				int to = starts.get(k + 1);
				// skip the line break after the delimiter; drop the one before the next delimiter
				from = skipLineBreak(body, from);
				if (to >= 2 && body[to - 2] == '\r' && body[to - 1] == '\n') {
					to -= 2;
				}
				else if (to >= 1 && body[to - 1] == '\n') {
					to -= 1;
				}
				int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), from);
				int bodyStart = headerEnd + 4;
				if (headerEnd < 0 || headerEnd > to) {
					headerEnd = indexOf(body, "\n\n".getBytes(StandardCharsets.ISO_8859_1), from);
					bodyStart = headerEnd + 2;
				}
				if (headerEnd < 0 || headerEnd > to) {
					continue;
				}
				Map<String, String> headers = new HashMap<>();
				for (String line : new String(body, from, headerEnd - from, StandardCharsets.ISO_8859_1).split("\r?\n")) {
					int colon = line.indexOf(':');
					if (colon > 0) {
						headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
								line.substring(colon + 1).trim());
					}
				}
				byte[] content = new byte[Math.max(0, to - bodyStart)];
				System.arraycopy(body, bodyStart, content, 0, content.length);
				parts.add(new MimePart(headers, content));
			}
			return parts;
		}

		private static int skipLineBreak(byte[] body, int at) {
			if (at + 1 < body.length && body[at] == '\r' && body[at + 1] == '\n') {
				return at + 2;
			}
			return (at < body.length && body[at] == '\n') ? at + 1 : at;
		}

		private static int indexOf(byte[] haystack, byte[] needle, int from) {
			outer: for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
				for (int j = 0; j < needle.length; j++) {
					if (haystack[i + j] != needle[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}
	}
}
