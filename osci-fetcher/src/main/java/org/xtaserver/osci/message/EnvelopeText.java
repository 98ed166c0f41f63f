package org.xtaserver.osci.message;

import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.xtaserver.osci.crypto.Certificates;
import org.xtaserver.osci.xml.Xml;

/** Text building blocks of OSCI envelopes, in the reference library's layout. */
final class EnvelopeText {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private EnvelopeText() {
    }

    static String dateTime(OffsetDateTime t) {
        return DATE_TIME.format(t);
    }

    /** A header block with Id, soap:actor and soap:mustUnderstand. */
    static String headerBlock(String local, String id, String actor, String attrs, String content) {
        return "<osci:" + local + " Id=\"" + id + "\"" + (attrs == null ? "" : " " + attrs) + " soap:actor=\"" + actor
                + "\" soap:mustUnderstand=\"1\">" + content + "</osci:" + local + ">";
    }

    static String controlBlock(ControlBlock cb) {
        StringBuilder attrs = new StringBuilder();
        if (cb.conversationId() != null) {
            attrs.append("ConversationId=\"").append(cb.conversationId()).append('"');
        }
        if (cb.sequenceNumber() != null) {
            attrs.append(attrs.length() > 0 ? " " : "").append("SequenceNumber=\"").append(cb.sequenceNumber())
                    .append('"');
        }
        String content = (cb.response() == null ? "" : "<osci:Response>" + Xml.esc(cb.response()) + "</osci:Response>")
                + (cb.challenge() == null ? "" : "<osci:Challenge>" + Xml.esc(cb.challenge()) + "</osci:Challenge>");
        return headerBlock("ControlBlock", "controlblock", Xml.ACTOR_NEXT, attrs.length() == 0 ? null : attrs.toString(),
                content);
    }

    static String signatureBlock(String local) {
        return headerBlock(local, local.toLowerCase(java.util.Locale.ROOT), Xml.ACTOR_NEXT, null, "");
    }

    static String desiredLanguages() {
        return headerBlock("DesiredLanguages", "desiredlanguages", Xml.ACTOR_NEXT, "LanguagesList=\"de en\"", "");
    }

    /** A certificate element ({@code CertificateType}) with an Id derived from role and fingerprint. */
    static String certificate(String local, String idPrefix, X509Certificate cert) {
        return "<osci:" + local + " Id=\"" + certId(idPrefix, cert) + "\"><ds:X509Data><ds:X509Certificate>"
                + Xml.base64Lines(Certificates.der(cert)) + "</ds:X509Certificate></ds:X509Data></osci:" + local + ">";
    }

    static String certId(String idPrefix, X509Certificate cert) {
        return idPrefix + "_" + Certificates.fingerprint(cert);
    }

    static String feedback(List<FeedbackEntry> entries) {
        StringBuilder b = new StringBuilder("<osci:Feedback>");
        for (FeedbackEntry e : entries) {
            b.append("<osci:Entry xml:lang=\"").append(e.lang() == null ? "de" : e.lang()).append("\"><osci:Code>")
                    .append(e.code()).append("</osci:Code><osci:Text>").append(Xml.esc(e.text()))
                    .append("</osci:Text></osci:Entry>");
        }
        return b.append("</osci:Feedback>").toString();
    }

    static String timestamp(String local, OffsetDateTime t) {
        return t == null ? "" : "<osci:" + local + "><osci:Plain>" + dateTime(t) + "</osci:Plain></osci:" + local + ">";
    }

    static String processCardBundle(ProcessCard c, boolean withForwarding, boolean withReception) {
        return "<osci:ProcessCardBundle><osci:MessageId>" + c.messageId().wire() + "</osci:MessageId>"
                + "<osci:ProcessCard RecentModification=\"" + dateTime(c.recentModification()) + "\">"
                + timestamp("Creation", c.creation())
                + (withForwarding ? timestamp("Forwarding", c.forwarding()) : "")
                + (withReception ? timestamp("Reception", c.reception()) : "")
                + (c.subject() == null ? "" : "<osci:Subject>" + Xml.esc(c.subject()) + "</osci:Subject>")
                + "</osci:ProcessCard><osci:InspectionReport></osci:InspectionReport></osci:ProcessCardBundle>";
    }

    /** The complete envelope; header blocks in schema order, Body with Id "body". */
    static String envelope(MessageType type, List<String> headerBlocks, String bodyContent) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n");
        b.append("<soap:Envelope xmlns:ds=\"").append(Xml.DS).append("\" xmlns:osci=\"").append(Xml.OSCI)
                .append("\" xmlns:soap=\"").append(Xml.SOAP).append("\" xmlns:xenc=\"").append(Xml.XENC)
                .append("\" xmlns:xsi=\"").append(Xml.XSI).append("\" xsi:schemaLocation=\"").append(Xml.SOAP)
                .append(' ').append(type.schema()).append(' ').append(Xml.DS).append(" oscisig.xsd ")
                .append(Xml.XENC).append(" oscienc.xsd\"><soap:Header>");
        headerBlocks.forEach(b::append);
        b.append("</soap:Header><soap:Body Id=\"body\">").append(bodyContent).append("</soap:Body></soap:Envelope>");
        return b.toString();
    }
}
