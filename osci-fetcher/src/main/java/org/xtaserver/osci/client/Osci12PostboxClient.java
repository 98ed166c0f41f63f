package org.xtaserver.osci.client;

import java.security.SecureRandom;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xtaserver.osci.crypto.OsciCryptoException;
import org.xtaserver.osci.crypto.TransportCrypto;
import org.xtaserver.osci.message.ControlBlock;
import org.xtaserver.osci.message.FeedbackEntry;
import org.xtaserver.osci.message.InboundEnvelope;
import org.xtaserver.osci.message.InnerMessage;
import org.xtaserver.osci.message.MessageType;
import org.xtaserver.osci.message.OsciMessageId;
import org.xtaserver.osci.message.OsciOutcome;
import org.xtaserver.osci.message.OsciRequests;
import org.xtaserver.osci.message.ProcessCard;
import org.xtaserver.osci.message.ProcessCardSelection;
import org.xtaserver.osci.mime.MimeCodec;
import org.xtaserver.osci.mime.MimeMessage;
import org.xtaserver.osci.xml.Xml;

/**
 * {@link OsciPostboxClient} speaking OSCI 1.2 in the Governikus dialect: signed, transport-encrypted requests;
 * every response decrypted, its intermediary certificate checked against the configuration and the clock, its
 * SupplierSignature verified and its ControlBlock checked (Response = our Challenge, same ConversationId and
 * SequenceNumber) before anything in it is used.
 */
public final class Osci12PostboxClient implements OsciPostboxClient {

    private static final String METADATA = "MessageMetaData";

    private final OsciClientConfig config;
    private final OsciTransport transport;
    private final Clock clock;
    private final SecureRandom random;
    private final TransportCrypto crypto;
    private final MimeCodec mime;

    private String conversationId;
    private int nextSequence;
    private String intermediaryChallenge;

    public Osci12PostboxClient(OsciClientConfig config, OsciTransport transport, Clock clock, SecureRandom random) {
        this.config = config;
        this.transport = transport;
        this.clock = clock;
        this.random = random;
        this.crypto = new TransportCrypto(random);
        this.mime = new MimeCodec(random);
    }

    /** A client over HTTP with the configured timeout. */
    public static Osci12PostboxClient overHttp(OsciClientConfig config, Clock clock) {
        return new Osci12PostboxClient(config, HttpOsciTransport.create(config.intermediaryUri(),
                config.requestTimeout()), clock, new SecureRandom());
    }

    @Override
    public String openDialog() {
        if (conversationId != null) {
            throw new IllegalStateException("dialog " + conversationId + " already open");
        }
        String challenge = challenge();
        byte[] env = OsciRequests.initDialog(new ControlBlock(null, null, null, challenge), config.signing(),
                config.decryption().certificate());
        Response r = exchange(env, MessageType.RESPONSE_TO_INIT_DIALOG, challenge, null, null);
        ControlBlock cb = r.envelope.controlBlock();
        if (cb.conversationId() == null) {
            throw new OsciSecurityException(OsciOutcome.CHALLENGE_MISMATCH, "ResponseToInitDialog without ConversationId",
                    null);
        }
        failOnError(r.envelope.feedback());
        conversationId = cb.conversationId();
        intermediaryChallenge = cb.challenge();
        nextSequence = 0;
        return conversationId;
    }

    @Override
    public List<ProcessCard> listProcessCards(ProcessCardSelection selection) {
        Response r = inDialog(cb -> OsciRequests.fetchProcessCard(cb, config.signing(), selection),
                MessageType.RESPONSE_TO_FETCH_PROCESS_CARD);
        failOnError(r.envelope.feedback());
        return r.envelope.processCards();
    }

    @Override
    public FetchedDelivery fetchDelivery(OsciMessageId messageId) {
        Response r = inDialog(cb -> OsciRequests.fetchDelivery(cb, config.signing(), messageId),
                MessageType.RESPONSE_TO_FETCH_DELIVERY);
        failOnError(r.envelope.feedback());
        return delivery(r);
    }

    @Override
    public Optional<FetchedDelivery> fetchNext() {
        Response r = inDialog(cb -> OsciRequests.fetchDelivery(cb, config.signing(), null),
                MessageType.RESPONSE_TO_FETCH_DELIVERY);
        if (r.envelope.feedback().stream().anyMatch(f -> "9803".equals(f.code()))) {
            return Optional.empty();
        }
        failOnError(r.envelope.feedback());
        return Optional.of(delivery(r));
    }

    @Override
    public void close() {
        if (conversationId == null) {
            return;
        }
        try {
            Response r = inDialog(cb -> OsciRequests.exitDialog(cb, config.signing()),
                    MessageType.RESPONSE_TO_EXIT_DIALOG);
            failOnError(r.envelope.feedback());
        } finally {
            conversationId = null;
        }
    }

    /** The open ConversationId, or null. */
    public String conversationId() {
        return conversationId;
    }

    private FetchedDelivery delivery(Response r) {
        List<ProcessCard> cards = r.envelope.processCards();
        ProcessCard card = cards.isEmpty() ? null : cards.get(0);
        OsciMessageId id = card != null ? card.messageId() : r.envelope.messageId().orElse(null);
        List<byte[]> meta = r.envelope.rawHeaderElements(Xml.OSCIMETA, METADATA);
        boolean more = r.envelope.feedback().stream().anyMatch(f -> f.outcome() == OsciOutcome.MORE_AVAILABLE);
        return new FetchedDelivery(id, card, r.envelope.contentPackage().orElse(new byte[0]),
                meta.isEmpty() ? null : meta.get(0), r.attachments, r.envelope.feedback(), more);
    }

    private interface RequestWriter {
        byte[] write(ControlBlock cb);
    }

    private Response inDialog(RequestWriter writer, MessageType expected) {
        if (conversationId == null) {
            throw new IllegalStateException("no open dialog: call openDialog() first");
        }
        String challenge = challenge();
        int seq = nextSequence;
        byte[] env = writer.write(new ControlBlock(conversationId, seq, intermediaryChallenge, challenge));
        try {
            Response r = exchange(env, expected, challenge, conversationId, seq);
            intermediaryChallenge = r.envelope.controlBlock().challenge();
            nextSequence = seq + 1;
            return r;
        } catch (OsciException e) {
            if (!(e instanceof OsciFeedbackException)) {
                conversationId = null; // the dialog state is unknown now
            }
            throw e;
        }
    }

    private record Response(InboundEnvelope envelope, Map<String, byte[]> attachments) {
    }

    private Response exchange(byte[] envelope, MessageType expected, String challenge, String convId, Integer seq) {
        byte[] inner = new InnerMessage(envelope, Map.of()).toMime(mime);
        byte[] body = crypto.seal(inner, config.intermediaryCipherCertificate(), config.algorithms());
        byte[] answer = transport.exchange(body);
        InnerMessage msg;
        InboundEnvelope env;
        try {
            MimeMessage outer = mime.parse(answer);
            InboundEnvelope plain = InboundEnvelope.parse(outer.requirePart(MimeMessage.OSCI_MESSAGE).body());
            Optional<FeedbackEntry> fault = plain.fault();
            if (fault.isPresent()) {
                conversationId = null;
                throw new OsciFeedbackException(fault.get());
            }
            TransportCrypto.Opened opened = crypto.open(answer, config.decryption().privateKey());
            msg = InnerMessage.fromMime(mime, opened.innerMime());
            env = InboundEnvelope.parse(msg.envelope());
        } catch (OsciException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OsciTransportException(OsciOutcome.MALFORMED_RESPONSE, e.getMessage(), e);
        }
        if (env.fault().isPresent()) {
            throw new OsciFeedbackException(env.fault().get());
        }
        if (env.type() != expected) {
            throw new OsciTransportException(OsciOutcome.MALFORMED_RESPONSE, "expected " + expected + " but got "
                    + env.type(), null);
        }
        checkIntermediaryCertificate(env);
        try {
            env.verifySignature("SupplierSignature", config.intermediarySignatureCertificate().getPublicKey(),
                    msg.attachments());
        } catch (OsciCryptoException e) {
            throw new OsciSecurityException(OsciOutcome.SIGNATURE_INVALID, e.getMessage(), e);
        }
        ControlBlock cb = env.controlBlock();
        if (cb == null || !challenge.equals(cb.response())) {
            throw new OsciSecurityException(OsciOutcome.CHALLENGE_MISMATCH, "sent Challenge " + challenge
                    + ", got Response " + (cb == null ? "none" : cb.response()), null);
        }
        if (convId != null && (!convId.equals(cb.conversationId()) || !seq.equals(cb.sequenceNumber()))) {
            throw new OsciSecurityException(OsciOutcome.CHALLENGE_MISMATCH, "sent ConversationId " + convId
                    + "/SequenceNumber " + seq + ", got " + cb.conversationId() + "/" + cb.sequenceNumber(), null);
        }
        if (cb.challenge() == null && expected != MessageType.RESPONSE_TO_EXIT_DIALOG) {
            throw new OsciSecurityException(OsciOutcome.CHALLENGE_MISMATCH, "response without new Challenge", null);
        }
        return new Response(env, msg.attachments());
    }

    private void checkIntermediaryCertificate(InboundEnvelope env) {
        Date now = Date.from(clock.instant());
        X509Certificate configured = config.intermediarySignatureCertificate();
        X509Certificate presented = env.certificate("SignatureCertificateIntermediary").orElse(configured);
        for (X509Certificate c : List.of(configured, presented)) {
            try {
                c.checkValidity(now);
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                throw new OsciSecurityException(OsciOutcome.CERTIFICATE_INVALID, "intermediary signature certificate "
                        + c.getSubjectX500Principal() + " not valid at " + clock.instant() + " (valid "
                        + c.getNotBefore().toInstant() + " to " + c.getNotAfter().toInstant() + ")", e);
            }
        }
        if (!presented.getPublicKey().equals(configured.getPublicKey())) {
            throw new OsciSecurityException(OsciOutcome.CERTIFICATE_INVALID, "response presents signature certificate "
                    + presented.getSubjectX500Principal() + ", not the configured one", null);
        }
    }

    private static void failOnError(List<FeedbackEntry> feedback) {
        for (FeedbackEntry f : feedback) {
            if (f.outcome().failure()) {
                throw new OsciFeedbackException(f);
            }
        }
    }

    private String challenge() {
        byte[] b = new byte[10];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }
}
