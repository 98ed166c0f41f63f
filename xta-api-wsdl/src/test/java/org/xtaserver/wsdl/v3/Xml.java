package org.xtaserver.wsdl.v3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
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
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** DOM parsing, schema compilation from a WSDL's types section, validation, tree comparison. */
final class Xml {

    static final String WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";
    static final String XSD_NS = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    private Xml() {
    }

    static Document parse(URL url) {
        try (InputStream in = url.openStream()) {
            InputSource source = new InputSource(in);
            source.setSystemId(url.toExternalForm());
            return builderFactory().newDocumentBuilder().parse(source);
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot parse " + url, e);
        }
    }

    static Document parse(byte[] xml) {
        try {
            return builderFactory().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Element parseElement(String xml) {
        try {
            return builderFactory().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilderFactory builderFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory;
    }

    /**
     * Compiles the schemas of a WSDL's types section, resolving their imports/includes relative
     * to the WSDL. {@code allowedProtocols} restricts what the compiler may fetch
     * (e.g. "file,jar": anything remote fails).
     */
    static Schema schemaOfWsdl(URL wsdl, String allowedProtocols) throws SAXException {
        Document doc = parse(wsdl);
        List<DOMSource> sources = new ArrayList<>();
        Element types = firstChild(doc.getDocumentElement(), WSDL_NS, "types");
        for (Element schema : children(types, XSD_NS, "schema")) {
            sources.add(new DOMSource(standalone(schema), wsdl.toExternalForm()));
        }
        SchemaFactory factory = SchemaFactory.newInstance(XSD_NS);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, allowedProtocols);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Errors errors = new Errors();
        factory.setErrorHandler(errors);
        Schema schema = factory.newSchema(sources.toArray(new DOMSource[0]));
        if (!errors.list.isEmpty()) {
            throw new IllegalStateException("schema errors in " + wsdl + ": " + errors.list);
        }
        return schema;
    }

    /** Copies an inline schema into a document of its own, keeping the namespaces in scope. */
    private static Document standalone(Element schema) {
        try {
            Document copy = builderFactory().newDocumentBuilder().newDocument();
            Element root = (Element) copy.importNode(schema, true);
            copy.appendChild(root);
            for (Node n = schema.getParentNode(); n instanceof Element ancestor; n = n.getParentNode()) {
                NamedNodeMap attrs = ancestor.getAttributes();
                for (int i = 0; i < attrs.getLength(); i++) {
                    Attr a = (Attr) attrs.item(i);
                    if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())
                            && !root.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getLocalName())) {
                        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getName(), a.getValue());
                    }
                }
            }
            return copy;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Validates and returns all warnings and errors (empty when valid). */
    static List<String> validate(Schema schema, byte[] xml) {
        Validator validator = schema.newValidator();
        Errors errors = new Errors();
        validator.setErrorHandler(errors);
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException | IOException e) {
            errors.list.add("fatal: " + e.getMessage());
        }
        return errors.list;
    }

    static Element firstChild(Element parent, String ns, String localName) {
        List<Element> list = children(parent, ns, localName);
        return list.isEmpty() ? null : list.get(0);
    }

    static List<Element> children(Element parent, String ns, String localName) {
        List<Element> result = new ArrayList<>();
        if (parent == null) {
            return result;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI())
                    && (localName == null || localName.equals(e.getLocalName()))) {
                result.add(e);
            }
        }
        return result;
    }

    /**
     * A prefix-independent text form of an element tree: namespace-qualified names, attributes
     * sorted (namespace declarations dropped), trimmed non-empty text; comments and the
     * WSDL documentation elements ignored.
     */
    static String canonical(Element element) {
        StringBuilder out = new StringBuilder();
        canonical(element, out, "");
        return out.toString();
    }

    private static void canonical(Element e, StringBuilder out, String indent) {
        out.append(indent).append('{').append(nullToEmpty(e.getNamespaceURI())).append('}')
                .append(e.getLocalName());
        TreeMap<String, String> attrs = new TreeMap<>();
        NamedNodeMap map = e.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            Attr a = (Attr) map.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                attrs.put('{' + nullToEmpty(a.getNamespaceURI()) + '}' + a.getLocalName(), a.getValue());
            }
        }
        out.append(' ').append(attrs).append('\n');
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                if (!(WSDL_NS.equals(child.getNamespaceURI()) && "documentation".equals(child.getLocalName()))) {
                    canonical(child, out, indent + "  ");
                }
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                String text = n.getNodeValue().trim();
                if (!text.isEmpty()) {
                    out.append(indent).append("  '").append(text).append("'\n");
                }
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static final class Errors implements ErrorHandler {
        final List<String> list = new ArrayList<>();

        @Override
        public void warning(SAXParseException e) {
            list.add("warning: " + e.getMessage());
        }

        @Override
        public void error(SAXParseException e) {
            list.add("error line " + e.getLineNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            list.add("fatal line " + e.getLineNumber() + ": " + e.getMessage());
        }
    }
}
