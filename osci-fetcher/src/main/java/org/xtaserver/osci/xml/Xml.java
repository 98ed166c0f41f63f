package org.xtaserver.osci.xml;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Small, safe DOM helpers (no DTDs, no external entities) and the OSCI namespace constants. */
public final class Xml {

    public static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String OSCI = "http://www.osci.de/2002/04/osci";
    public static final String OSCI2017 = "http://xoev.de/transport/osci12/7";
    public static final String OSCI128 = "http://xoev.de/transport/osci12/8";
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    public static final String XENC11 = "http://www.w3.org/2009/xmlenc11#";
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    public static final String OSCIMETA = "http://www.osci.eu/ws/2014/10/transport";
    public static final String ACTOR_NEXT = "http://schemas.xmlsoap.org/soap/actor/next";
    public static final String ACTOR_NONE = "http://www.w3.org/2001/12/soap-envelope/actor/none";

    private Xml() {
    }

    /** Parses namespace-aware, rejecting DOCTYPE declarations; marks every {@code Id} attribute as an XML ID. */
    public static Document parse(byte[] bytes) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Document doc = b.parse(new ByteArrayInputStream(bytes));
            registerIds(doc.getDocumentElement());
            return doc;
        } catch (ParserConfigurationException | SAXException | java.io.IOException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private static void registerIds(Element e) {
        if (e.hasAttributeNS(null, "Id")) {
            e.setIdAttributeNS(null, "Id", true);
        }
        for (Element c : children(e)) {
            registerIds(c);
        }
    }

    /** Element children. */
    public static List<Element> children(Node parent) {
        List<Element> out = new ArrayList<>();
        NodeList nl = parent.getChildNodes();
        for (int i = 0; i < nl.getLength(); i++) {
            if (nl.item(i) instanceof Element el) {
                out.add(el);
            }
        }
        return out;
    }

    /** First child element with this namespace and local name, or {@code null}. */
    public static Element child(Node parent, String ns, String local) {
        for (Element c : children(parent)) {
            if (ns.equals(c.getNamespaceURI()) && local.equals(c.getLocalName())) {
                return c;
            }
        }
        return null;
    }

    /** Descendant (document order) with this namespace and local name, or {@code null}. */
    public static Element descendant(Node parent, String ns, String local) {
        NodeList nl = parent instanceof Document d ? d.getElementsByTagNameNS(ns, local)
                : ((Element) parent).getElementsByTagNameNS(ns, local);
        return nl.getLength() == 0 ? null : (Element) nl.item(0);
    }

    /** Text content of a child element, trimmed, or {@code null}. */
    public static String childText(Node parent, String ns, String local) {
        Element c = child(parent, ns, local);
        return c == null ? null : c.getTextContent().trim();
    }

    /** Serialises a node without XML declaration. */
    public static String toString(Node node) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Escapes text and attribute values. */
    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** MIME-style base64 (76-character lines, LF) as the reference library writes it. */
    public static String base64Lines(byte[] data) {
        return Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(data);
    }

    /** Decodes base64 ignoring line breaks and whitespace. */
    public static byte[] base64Decode(String s) {
        return Base64.getMimeDecoder().decode(s.trim());
    }
}
