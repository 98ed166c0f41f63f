package org.xtaserver.tests.docs;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
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
 * The XTA 2 V3 schemas, compiled into one, that validate the items of a SOAP message on their own:
 * each body child (for a fault: each child of {@code soap:Detail}) and each header block in one of
 * the validated namespaces. The project's {@code ws-addressing.xsd} covers only what the contract
 * reaches (not {@code wsa:Action}, {@code wsa:To}), so with the project's schemas the
 * WS-Addressing headers are left to the official set.
 */
final class ContractSchemas {

	private final String name;

	private final Schema schema;

	private final Set<String> headerNamespaces;

	private ContractSchemas(String name, Schema schema, Set<String> headerNamespaces) {
		this.name = name;
		this.schema = schema;
		this.headerNamespaces = headerNamespaces;
	}

	/** The project's own contract ({@code xta-api-wsdl/src/main/resources/wsdl/xta-v3}). */
	static ContractSchemas project(Path directory) {
		return compile("project schemas in " + directory, directory,
				List.of("xta-ws-2.1.1.xsd"), Map.of(SoapMessage.OSCI_META, "osci-message-metadata-2.02.xsd",
						SoapMessage.OSCI, "osci-transport-2.02.xsd", SoapMessage.WSA, "ws-addressing.xsd"),
				Set.of(SoapMessage.XTA, SoapMessage.OSCI_META, SoapMessage.OSCI));
	}

	/** The official KoSIT files ({@code <shared>/xta2-v3}). */
	static ContractSchemas official(Path directory) {
		return compile("official schemas in " + directory, directory,
				List.of("XTA-Webservice-Globale-Elemente.xsd", "XTA-Webservice-Exceptions.xsd"),
				Map.of(SoapMessage.OSCI_META, "OSCI_MessageMetaData_V2.02.xsd", SoapMessage.OSCI, "OSCI2_02.xsd",
						SoapMessage.WSA, "ws-addr.xsd"),
				Set.of(SoapMessage.XTA, SoapMessage.OSCI_META, SoapMessage.OSCI, SoapMessage.WSA));
	}

	/**
	 * One wrapper document that includes the XTA files and imports the others, as the WSDL's
	 * types section does: several top-level sources of one namespace are not reliably merged by
	 * the JDK's schema loader.
	 */
	private static ContractSchemas compile(String name, Path directory, List<String> includes,
			Map<String, String> imports, Set<String> headerNamespaces) {
		Path dir = directory.toAbsolutePath().normalize();
		StringBuilder wrapper = new StringBuilder("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"")
			.append(SoapMessage.XTA)
			.append("\" elementFormDefault=\"qualified\">\n");
		imports.forEach((namespace, file) -> wrapper.append("  <xs:import namespace=\"")
			.append(namespace)
			.append("\" schemaLocation=\"")
			.append(file)
			.append("\"/>\n"));
		includes.forEach((file) -> wrapper.append("  <xs:include schemaLocation=\"").append(file).append("\"/>\n"));
		wrapper.append("</xs:schema>\n");
		List<String> files = new ArrayList<>(includes);
		files.addAll(imports.values());
		for (String file : files) {
			if (!Files.isRegularFile(dir.resolve(file))) {
				throw new IllegalStateException("schema " + dir.resolve(file) + " is missing");
			}
		}
		try {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			StreamSource source = new StreamSource(new StringReader(wrapper.toString()),
					dir.resolve("guide-examples-wrapper.xsd").toUri().toString());
			return new ContractSchemas(name, factory.newSchema(source), headerNamespaces);
		}
		catch (SAXException ex) {
			throw new IllegalStateException("cannot compile the " + name, ex);
		}
	}

	/** Every problem of the message's items, each prefixed with the item; empty when valid. */
	List<String> problems(SoapMessage message) {
		List<String> problems = new ArrayList<>();
		for (Element block : message.headerBlocks()) {
			if (this.headerNamespaces.contains(block.getNamespaceURI())) {
				validate(block, "header", problems);
			}
		}
		if (message.isFault()) {
			message.faultDetail().ifPresent((detail) -> validate(detail, "fault detail", problems));
		}
		else {
			message.body()
				.ifPresent((body) -> SoapMessage.children(body).forEach((child) -> validate(child, "body", problems)));
		}
		return problems;
	}

	@Override
	public String toString() {
		return this.name;
	}

	private void validate(Element element, String where, List<String> problems) {
		String item = where + " " + SoapMessage.name(element);
		Validator validator = this.schema.newValidator();
		List<String> errors = new ArrayList<>();
		validator.setErrorHandler(new ErrorHandler() {
			@Override
			public void warning(SAXParseException exception) {
				// warnings do not make an example invalid
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
		errors.forEach((error) -> problems.add(item + ": " + error));
	}

	/** The element as the root of a document of its own, with every namespace in scope declared. */
	private static Document standalone(Element element) {
		Document document = SoapMessage.documentBuilder().newDocument();
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
}
