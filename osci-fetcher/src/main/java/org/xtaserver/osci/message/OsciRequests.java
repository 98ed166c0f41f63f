package org.xtaserver.osci.message;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.crypto.EnvelopeSignatures;
import org.xtaserver.osci.xml.Xml;

/**
 * Writes signed OSCI 1.2 requests (inner envelopes) as the Governikus library lays them out. The client is the
 * Originator; {@code CipherCertificateOriginator} is sent only where the library sends it (InitDialog,
 * GetMessageId, StoreDelivery).
 */
public final class OsciRequests {

    private OsciRequests() {
    }

    public static byte[] initDialog(ControlBlock cb, Credentials signer, X509Certificate cipher) {
        return signed(MessageType.INIT_DIALOG, cb, signer, cipher, List.of(), "<osci:initDialog></osci:initDialog>");
    }

    public static byte[] exitDialog(ControlBlock cb, Credentials signer) {
        return signed(MessageType.EXIT_DIALOG, cb, signer, null, List.of(), "<osci:exitDialog></osci:exitDialog>");
    }

    public static byte[] getMessageId(ControlBlock cb, Credentials signer, X509Certificate cipher) {
        return signed(MessageType.GET_MESSAGE_ID, cb, signer, cipher, List.of(),
                "<osci:getMessageId></osci:getMessageId>");
    }

    public static byte[] fetchProcessCard(ControlBlock cb, Credentials signer, ProcessCardSelection sel) {
        return signed(MessageType.FETCH_PROCESS_CARD, cb, signer, null, List.of(),
                "<osci:fetchProcessCard>" + selection(sel) + "</osci:fetchProcessCard>");
    }

    /** The inner XML of {@code fetchProcessCard} (also echoed in the response). */
    public static String selection(ProcessCardSelection sel) {
        StringBuilder b = new StringBuilder("<osci:SelectionRule>");
        if (!sel.messageIds().isEmpty()) {
            sel.messageIds().forEach(id -> b.append("<osci:MessageId>").append(id.wire()).append("</osci:MessageId>"));
        } else {
            String el = sel.mode() == ProcessCardSelection.Mode.RECEPTION_OF_DELIVERY ? "ReceptionOfDelivery"
                    : "RecentModification";
            b.append("<osci:").append(el);
            if (sel.noReception()) {
                b.append(" NoReception=\"true\"");
            }
            if (sel.role() != null) {
                b.append(" Role=\"").append(sel.role()).append('"');
            }
            b.append('>').append(EnvelopeText.dateTime(sel.since())).append("</osci:").append(el).append('>');
        }
        b.append("</osci:SelectionRule>");
        if (sel.limit() != null) {
            b.append("<osci:Quantity Limit=\"").append(sel.limit()).append("\"></osci:Quantity>");
        }
        return b.toString();
    }

    /** FetchDelivery by message id, or without rule (oldest waiting) when {@code messageId} is null. */
    public static byte[] fetchDelivery(ControlBlock cb, Credentials signer, OsciMessageId messageId) {
        String rule = messageId == null ? ""
                : "<osci:SelectionRule><osci:MessageId>" + messageId.wire() + "</osci:MessageId></osci:SelectionRule>";
        String block = EnvelopeText.headerBlock("fetchDelivery", "fetchdelivery", Xml.ACTOR_NEXT, null, rule);
        return signed(MessageType.FETCH_DELIVERY, cb, signer, null, List.of(block), "");
    }

    /**
     * StoreDelivery (used to seed an intermediary over the wire).
     *
     * @param contentPackageContent XML placed verbatim inside {@code osci:ContentPackage}
     */
    public static byte[] storeDelivery(ControlBlock cb, Credentials signer, X509Certificate cipher,
            X509Certificate addresseeCipher, OsciMessageId id, String subject, String contentPackageContent) {
        List<String> blocks = new ArrayList<>();
        blocks.add(EnvelopeText.headerBlock("QualityOfTimestamp", "qualityoftimestamp_creation", Xml.ACTOR_NEXT,
                "Quality=\"plain\" Service=\"creation\"", ""));
        blocks.add(EnvelopeText.headerBlock("QualityOfTimestamp", "qualityoftimestamp_reception", Xml.ACTOR_NEXT,
                "Quality=\"plain\" Service=\"reception\"", ""));
        blocks.add(EnvelopeText.headerBlock("storeDelivery", "storedelivery", Xml.ACTOR_NEXT, null,
                "<osci:MessageId>" + id.wire() + "</osci:MessageId>"
                        + (subject == null ? "" : "<osci:Subject>" + Xml.esc(subject) + "</osci:Subject>")));
        String certs = EnvelopeText.certificate("CipherCertificateAddressee", "addressee_cipher", addresseeCipher);
        return signed(MessageType.STORE_DELIVERY, cb, signer, cipher, blocks,
                "<osci:ContentPackage>" + contentPackageContent + "</osci:ContentPackage>", certs);
    }

    private static byte[] signed(MessageType type, ControlBlock cb, Credentials signer, X509Certificate cipher,
            List<String> orderBlocks, String body) {
        return signed(type, cb, signer, cipher, orderBlocks, body, "");
    }

    private static byte[] signed(MessageType type, ControlBlock cb, Credentials signer, X509Certificate cipher,
            List<String> orderBlocks, String body, String extraCerts) {
        List<String> blocks = new ArrayList<>();
        blocks.add(EnvelopeText.controlBlock(cb));
        blocks.add(EnvelopeText.signatureBlock("ClientSignature"));
        blocks.add(EnvelopeText.desiredLanguages());
        blocks.addAll(orderBlocks);
        String certs = (cipher == null ? "" : EnvelopeText.certificate("CipherCertificateOriginator",
                "originator_cipher", cipher))
                + EnvelopeText.certificate("SignatureCertificateOriginator", "originator_signature",
                        signer.certificate())
                + extraCerts;
        blocks.add(EnvelopeText.headerBlock("NonIntermediaryCertificates", "nonintermediarycertificates",
                Xml.ACTOR_NONE, null, certs));
        String text = EnvelopeText.envelope(type, blocks, body);
        List<String> ids = new ArrayList<>();
        ids.add("controlblock");
        ids.add("desiredlanguages");
        if (type == MessageType.STORE_DELIVERY) {
            ids.add("qualityoftimestamp_creation");
            ids.add("qualityoftimestamp_reception");
        }
        if (type.headerBlock()) {
            ids.add(type.blockId());
        }
        ids.add("nonintermediarycertificates");
        ids.add("body");
        String signed = EnvelopeSignatures.sign(text, "ClientSignature", ids, signer.privateKey(),
                "#" + EnvelopeText.certId("originator_signature", signer.certificate()));
        return signed.getBytes(StandardCharsets.UTF_8);
    }
}
