package org.xtaserver.osci.message;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.crypto.EnvelopeSignatures;
import org.xtaserver.osci.xml.Xml;

/**
 * Writes intermediary responses (inner envelopes) signed as {@code SupplierSignature}. Used by the simulator and
 * by tests; a fetching client never writes these.
 */
public final class OsciResponses {

    /**
     * Who signs and which certificate the response shows in {@code IntermediaryCertificates}.
     *
     * @param signer the signing key and certificate
     * @param presentedCertificate the certificate put into the response (normally {@code signer.certificate()})
     */
    public record Supplier(Credentials signer, X509Certificate presentedCertificate) {
        public Supplier(Credentials signer) {
            this(signer, signer.certificate());
        }
    }

    private OsciResponses() {
    }

    public static byte[] responseToInitDialog(ControlBlock cb, Supplier s, List<FeedbackEntry> fb) {
        return signed(MessageType.RESPONSE_TO_INIT_DIALOG, cb, s, List.of(),
                "<osci:responseToInitDialog>" + EnvelopeText.feedback(fb) + "</osci:responseToInitDialog>");
    }

    public static byte[] responseToExitDialog(ControlBlock cb, Supplier s, List<FeedbackEntry> fb) {
        return signed(MessageType.RESPONSE_TO_EXIT_DIALOG, cb, s, List.of(),
                "<osci:responseToExitDialog>" + EnvelopeText.feedback(fb) + "</osci:responseToExitDialog>");
    }

    public static byte[] responseToGetMessageId(ControlBlock cb, Supplier s, List<FeedbackEntry> fb,
            OsciMessageId id) {
        return signed(MessageType.RESPONSE_TO_GET_MESSAGE_ID, cb, s, List.of(), "<osci:responseToGetMessageId>"
                + EnvelopeText.feedback(fb) + (id == null ? "" : "<osci:MessageId>" + id.wire() + "</osci:MessageId>")
                + "</osci:responseToGetMessageId>");
    }

    /** @param echoedSelection the inner XML of the request's {@code fetchProcessCard} */
    public static byte[] responseToFetchProcessCard(ControlBlock cb, Supplier s, List<FeedbackEntry> fb,
            String echoedSelection, List<ProcessCard> cards) {
        StringBuilder b = new StringBuilder("<osci:responseToFetchProcessCard>").append(EnvelopeText.feedback(fb))
                .append("<osci:fetchProcessCard>").append(echoedSelection).append("</osci:fetchProcessCard>");
        cards.forEach(c -> b.append(EnvelopeText.processCardBundle(c, true, true)));
        return signed(MessageType.RESPONSE_TO_FETCH_PROCESS_CARD, cb, s, List.of(),
                b.append("</osci:responseToFetchProcessCard>").toString());
    }

    public static byte[] responseToStoreDelivery(ControlBlock cb, Supplier s, List<FeedbackEntry> fb,
            ProcessCard card) {
        String block = EnvelopeText.headerBlock("responseToStoreDelivery", "responsetostoredelivery", Xml.ACTOR_NEXT,
                null, EnvelopeText.feedback(fb) + (card == null ? "" : EnvelopeText.processCardBundle(card, false, false)));
        return signed(MessageType.RESPONSE_TO_STORE_DELIVERY, cb, s, List.of(block), "");
    }

    /**
     * @param echoedRule inner XML of the request's {@code fetchDelivery} (its SelectionRule, or empty)
     * @param contentPackageContent verbatim XML for {@code osci:ContentPackage}, or null for no ContentPackage
     * @param customHeaders verbatim XML header blocks of other namespaces (e.g. XTA MessageMetaData)
     */
    public static byte[] responseToFetchDelivery(ControlBlock cb, Supplier s, List<FeedbackEntry> fb,
            String echoedRule, ProcessCard card, String contentPackageContent, List<String> customHeaders) {
        String block = EnvelopeText.headerBlock("responseToFetchDelivery", "responsetofetchdelivery", Xml.ACTOR_NEXT,
                null, EnvelopeText.feedback(fb) + "<osci:fetchDelivery>" + echoedRule + "</osci:fetchDelivery>"
                        + (card == null ? "" : EnvelopeText.processCardBundle(card, true, false)));
        // ResponseToFetchDelivery's ProcessCard has no Reception element (Creation, Forwarding, Subject)
        List<String> blocks = new ArrayList<>();
        blocks.add(block);
        return signed(MessageType.RESPONSE_TO_FETCH_DELIVERY, cb, s, blocks,
                contentPackageContent == null ? "" : "<osci:ContentPackage>" + contentPackageContent
                        + "</osci:ContentPackage>", customHeaders);
    }

    private static byte[] signed(MessageType type, ControlBlock cb, Supplier s, List<String> orderBlocks,
            String body) {
        return signed(type, cb, s, orderBlocks, body, List.of());
    }

    private static byte[] signed(MessageType type, ControlBlock cb, Supplier s, List<String> orderBlocks,
            String body, List<String> customHeaders) {
        List<String> blocks = new ArrayList<>();
        blocks.add(EnvelopeText.controlBlock(cb));
        blocks.add(EnvelopeText.signatureBlock("SupplierSignature"));
        blocks.addAll(orderBlocks);
        blocks.add(EnvelopeText.headerBlock("IntermediaryCertificates", "intermediarycertificates", Xml.ACTOR_NONE,
                null, EnvelopeText.certificate("SignatureCertificateIntermediary", "intermediary_signature",
                        s.presentedCertificate())));
        blocks.addAll(customHeaders);
        String text = EnvelopeText.envelope(type, blocks, body);
        List<String> ids = new ArrayList<>();
        ids.add("controlblock");
        if (type.headerBlock()) {
            ids.add(type.blockId());
        }
        ids.add("intermediarycertificates");
        ids.add("body");
        String signed = EnvelopeSignatures.sign(text, "SupplierSignature", ids, s.signer().privateKey(),
                "#" + EnvelopeText.certId("intermediary_signature", s.presentedCertificate()));
        return signed.getBytes(StandardCharsets.UTF_8);
    }

    /** A MIME-framable SOAP fault ({@code soapMessageFault.xsd}) carrying an OSCI code. */
    public static byte[] fault(String code, String text) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n<soap:Envelope xmlns:soap=\"" + Xml.SOAP
                + "\" xmlns:osci=\"" + Xml.OSCI + "\" xmlns:xsi=\"" + Xml.XSI + "\" xsi:schemaLocation=\"" + Xml.SOAP
                + " soapMessageFault.xsd\"><soap:Body><soap:Fault><faultcode>soap:Client</faultcode><faultstring>"
                + code + " " + Xml.esc(text) + "</faultstring><detail><osci:Code>" + code + "</osci:Code><osci:Text>"
                + Xml.esc(text) + "</osci:Text></detail></soap:Fault></soap:Body></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }
}
