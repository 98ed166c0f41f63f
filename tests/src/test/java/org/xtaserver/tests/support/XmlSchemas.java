package org.xtaserver.tests.support;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Compiles XML schemas and validates single elements of a SOAP message (a body child, a header
 * block) on their own: the guide-example checks and the official conformance tests share it so both
 * validate the same way.
 */
public final class XmlSchemas {

	private XmlSchemas() {
	}

	/**
	 * Compiles {@code wrapperXsd} as if it were the file {@code location}, so its relative
	 * schemaLocations resolve next to it. Only {@code file:} schemas are followed and no DTD, so a
	 * test never reaches the network.
	 */
	public static Schema compile(String wrapperXsd, Path location) throws SAXException {
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		return factory.newSchema(new StreamSource(new StringReader(wrapperXsd), location.toUri().toString()));
	}

	/**
	 * Validates {@code element} as the root of a document of its own.
	 * @return every error and fatal error, in order; empty when valid
	 */
	public static List<String> errors(Schema schema, Element element) {
		List<String> errors = new ArrayList<>();
		Validator validator = schema.newValidator();
		validator.setErrorHandler(new ErrorHandler() {
			@Override
			public void warning(SAXParseException exception) {
				// warnings do not make an item invalid
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
		return errors;
	}

	/** A namespace-aware builder that refuses DTDs, so test input cannot pull in external entities. */
	public static DocumentBuilder documentBuilder() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			return factory.newDocumentBuilder();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The element as the root of a document of its own, with every namespace in scope declared. */
	private static Document standalone(Element element) {
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
}
