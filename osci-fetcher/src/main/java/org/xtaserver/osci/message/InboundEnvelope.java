package org.xtaserver.osci.message;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xtaserver.osci.crypto.Certificates;
import org.xtaserver.osci.crypto.EnvelopeSignatures;
import org.xtaserver.osci.crypto.OsciCryptoException;
import org.xtaserver.osci.xml.Xml;

/**
 * A parsed inner envelope (request or response), with access to its blocks and to byte-exact slices of the
 * original text (ContentPackage, custom headers).
 */
public final class InboundEnvelope {

    private final byte[] bytes;
    private final Document doc;
    private final Element header;
    private final Element body;
    private final MessageType type;

    private InboundEnvelope(byte[] bytes) {
        this.bytes = bytes;
        this.doc = Xml.parse(bytes);
        Element env = doc.getDocumentElement();
        if (!Xml.SOAP.equals(env.getNamespaceURI()) || !"Envelope".equals(env.getLocalName())) {
            throw new IllegalArgumentException("not a SOAP envelope: " + env.getNodeName());
        }
        this.header = Xml.child(env, Xml.SOAP, "Header");
        this.body = Xml.child(env, Xml.SOAP, "Body");
        this.type = detectType();
    }

    public static InboundEnvelope parse(byte[] envelope) {
        return new InboundEnvelope(envelope);
    }

    private MessageType detectType() {
        if (body != null) {
            for (Element c : Xml.children(body)) {
                if (Xml.OSCI.equals(c.getNamespaceURI())) {
                    Optional<MessageType> t = MessageType.ofElement(c.getLocalName());
                    if (t.isPresent()) {
                        return t.get();
                    }
                }
            }
        }
        if (header != null) {
            for (Element c : Xml.children(header)) {
                if (Xml.OSCI.equals(c.getNamespaceURI())) {
                    Optional<MessageType> t = MessageType.ofElement(c.getLocalName());
                    if (t.isPresent() && t.get().headerBlock()) {
                        return t.get();
                    }
                }
            }
        }
        return null;
    }

    /** The message type, or null for a SOAP fault or unknown message. */
    public MessageType type() {
        return type;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public Document document() {
        return doc;
    }

    /** The order block ({@code initDialog}, {@code fetchDelivery}, ...). */
    public Element orderBlock() {
        return type == null ? null : Xml.descendant(doc, Xml.OSCI, type.element());
    }

    /** The SOAP fault's OSCI code and text, if this is a fault. */
    public Optional<FeedbackEntry> fault() {
        Element f = body == null ? null : Xml.child(body, Xml.SOAP, "Fault");
        if (f == null) {
            return Optional.empty();
        }
        Element detailCode = Xml.descendant(f, Xml.OSCI, "Code");
        String faultString = Xml.childText(f, "", "faultstring");
        if (faultString == null) {
            Element fs = (Element) f.getElementsByTagName("faultstring").item(0);
            faultString = fs == null ? "" : fs.getTextContent().trim();
        }
        String code = detailCode != null ? detailCode.getTextContent().trim()
                : faultString.matches("^\\d{4}.*") ? faultString.substring(0, 4) : "9999";
        Element detailText = Xml.descendant(f, Xml.OSCI, "Text");
        return Optional.of(new FeedbackEntry(code, detailText != null ? detailText.getTextContent().trim()
                : faultString, null));
    }

    public ControlBlock controlBlock() {
        Element cb = header == null ? null : Xml.child(header, Xml.OSCI, "ControlBlock");
        if (cb == null) {
            return null;
        }
        return new ControlBlock(cb.hasAttribute("ConversationId") ? cb.getAttribute("ConversationId") : null,
                cb.hasAttribute("SequenceNumber") ? Integer.valueOf(cb.getAttribute("SequenceNumber")) : null,
                Xml.childText(cb, Xml.OSCI, "Response"), Xml.childText(cb, Xml.OSCI, "Challenge"));
    }

    /** Feedback entries of a response. */
    public List<FeedbackEntry> feedback() {
        List<FeedbackEntry> out = new ArrayList<>();
        Element ob = orderBlock();
        Element fb = ob == null ? null : Xml.child(ob, Xml.OSCI, "Feedback");
        if (fb != null) {
            for (Element e : Xml.children(fb)) {
                out.add(new FeedbackEntry(Xml.childText(e, Xml.OSCI, "Code"), Xml.childText(e, Xml.OSCI, "Text"),
                        e.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")));
            }
        }
        return out;
    }

    /** Process cards of the response, in document order. */
    public List<ProcessCard> processCards() {
        List<ProcessCard> out = new ArrayList<>();
        Element ob = orderBlock();
        if (ob == null) {
            return out;
        }
        for (Element bundle : Xml.children(ob)) {
            if (!"ProcessCardBundle".equals(bundle.getLocalName())) {
                continue;
            }
            Element pc = Xml.child(bundle, Xml.OSCI, "ProcessCard");
            out.add(new ProcessCard(new OsciMessageId(Xml.childText(bundle, Xml.OSCI, "MessageId")),
                    OffsetDateTime.parse(pc.getAttribute("RecentModification")), plain(pc, "Creation"),
                    plain(pc, "Forwarding"), plain(pc, "Reception"), Xml.childText(pc, Xml.OSCI, "Subject")));
        }
        return out;
    }

    private static OffsetDateTime plain(Element pc, String local) {
        Element ts = Xml.child(pc, Xml.OSCI, local);
        String p = ts == null ? null : Xml.childText(ts, Xml.OSCI, "Plain");
        return p == null ? null : OffsetDateTime.parse(p);
    }

    /**
     * The message id of the order: {@code responseToGetMessageId/MessageId}, {@code storeDelivery/MessageId} or the
     * {@code SelectionRule/MessageId} of {@code fetchDelivery}.
     */
    public Optional<OsciMessageId> messageId() {
        Element ob = orderBlock();
        if (ob == null) {
            return Optional.empty();
        }
        String id = Xml.childText(ob, Xml.OSCI, "MessageId");
        if (id == null) {
            Element rule = Xml.child(ob, Xml.OSCI, "SelectionRule");
            id = rule == null ? null : Xml.childText(rule, Xml.OSCI, "MessageId");
        }
        return id == null || id.isEmpty() ? Optional.empty() : Optional.of(new OsciMessageId(id));
    }

    /** {@code storeDelivery/Subject}. */
    public Optional<String> subject() {
        Element ob = orderBlock();
        return Optional.ofNullable(ob == null ? null : Xml.childText(ob, Xml.OSCI, "Subject"));
    }

    /** A certificate of {@code NonIntermediaryCertificates} or {@code IntermediaryCertificates} by element name. */
    public Optional<X509Certificate> certificate(String local) {
        Element c = header == null ? null : Xml.descendant(header, Xml.OSCI, local);
        Element x = c == null ? null : Xml.descendant(c, Xml.DS, "X509Certificate");
        return x == null ? Optional.empty() : Optional.of(Certificates.parse(Xml.base64Decode(x.getTextContent())));
    }

    /**
     * The bytes between the {@code osci:ContentPackage} start and end tags, exactly as received. Prefixes used
     * inside may be declared on the envelope (Governikus repeats all declarations on each EncryptedData).
     */
    public Optional<byte[]> contentPackage() {
        return rawElementContent("ContentPackage", false);
    }

    /** Byte-exact header elements with this local name outside the OSCI namespace (e.g. MessageMetaData). */
    public List<byte[]> rawHeaderElements(String namespace, String local) {
        List<byte[]> out = new ArrayList<>();
        if (header == null || header.getElementsByTagNameNS(namespace, local).getLength() == 0) {
            return out;
        }
        rawElementContent(local, true).ifPresent(out::add);
        return out;
    }

    private Optional<byte[]> rawElementContent(String local, boolean whole) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Matcher start = Pattern.compile("<(([A-Za-z_][\\w.-]*):)?" + local + "(?=[\\s/>])[^>]*?(/?)>").matcher(text);
        if (!start.find()) {
            return Optional.empty();
        }
        if ("/".equals(start.group(3))) {
            return Optional.of(whole ? start.group().getBytes(StandardCharsets.UTF_8) : new byte[0]);
        }
        String close = "</" + (start.group(2) == null ? "" : start.group(2) + ":") + local + ">";
        int end = text.lastIndexOf(close);
        if (end < start.end()) {
            throw new IllegalArgumentException("unterminated " + local);
        }
        String slice = whole ? text.substring(start.start(), end + close.length()) : text.substring(start.end(), end);
        return Optional.of(slice.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Verifies {@code ClientSignature} or {@code SupplierSignature} and that it covers the Body and every header
     * block carrying an Id (a signature over a subset would let blocks be swapped).
     */
    public void verifySignature(String block, PublicKey key, Map<String, byte[]> attachments) {
        Set<String> refs = EnvelopeSignatures.verify(doc, block, key, attachments);
        List<String> required = new ArrayList<>();
        if (body != null && body.hasAttribute("Id")) {
            required.add("#" + body.getAttribute("Id"));
        }
        for (Element h : Xml.children(header)) {
            if (h.hasAttribute("Id") && !block.equals(h.getLocalName()) && Xml.OSCI.equals(h.getNamespaceURI())) {
                required.add("#" + h.getAttribute("Id"));
            }
        }
        for (String r : required) {
            if (!refs.contains(r)) {
                throw new OsciCryptoException(block + " does not cover " + r);
            }
        }
    }

    /** Serialised inner XML of an element (for echoing a request's order block in its response). */
    public static String innerXml(Element e) {
        StringBuilder b = new StringBuilder();
        for (Element c : Xml.children(e)) {
            b.append(Xml.toString(c));
        }
        return b.toString();
    }
}
