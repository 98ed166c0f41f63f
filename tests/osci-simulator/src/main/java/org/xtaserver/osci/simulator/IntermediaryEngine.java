package org.xtaserver.osci.simulator;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.w3c.dom.Element;
import org.xtaserver.osci.crypto.Certificates;
import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.crypto.TransportCrypto;
import org.xtaserver.osci.message.ControlBlock;
import org.xtaserver.osci.message.FeedbackEntry;
import org.xtaserver.osci.message.InboundEnvelope;
import org.xtaserver.osci.message.InnerMessage;
import org.xtaserver.osci.message.MessageType;
import org.xtaserver.osci.message.OsciMessageId;
import org.xtaserver.osci.message.OsciResponses;
import org.xtaserver.osci.message.ProcessCard;
import org.xtaserver.osci.mime.MimeCodec;
import org.xtaserver.osci.mime.MimeMessage;
import org.xtaserver.osci.mime.MimePart;
import org.xtaserver.osci.xml.Xml;

/**
 * The intermediary logic without HTTP: decrypt, verify, apply dialog rules, answer encrypted and signed. Postboxes
 * are keyed by the SHA-256 fingerprint of the addressee's cipher certificate.
 */
public final class IntermediaryEngine {

    /** What the HTTP layer sends. */
    public record Answer(int status, byte[] body, Fault transportFault, InboundEnvelope request,
            byte[] responseEnvelope) {
    }

    /** Dialog state. */
    static final class Dialog {
        final String id;
        final X509Certificate clientCipher;
        final X509Certificate clientSignature;
        final String fixedChallenge;
        int nextSequence;
        String challenge;

        Dialog(String id, X509Certificate clientCipher, X509Certificate clientSignature, String fixedChallenge) {
            this.id = id;
            this.clientCipher = clientCipher;
            this.clientSignature = clientSignature;
            this.fixedChallenge = fixedChallenge;
        }
    }

    private final SimulatorKeys keys;
    private final Clock clock;
    private final SecureRandom random;
    private final TransportCrypto crypto;
    private final MimeCodec mime;
    private final Map<String, Dialog> dialogs = new ConcurrentHashMap<>();
    private final Map<String, List<Delivery>> postboxes = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong conversations = new AtomicLong(1000);
    private final List<Fault> nextFaults = new CopyOnWriteArrayList<>();
    private volatile Fault permanentFault;
    private volatile java.util.function.BiConsumer<byte[], byte[]> trafficListener = (req, resp) -> { };

    public IntermediaryEngine(SimulatorKeys keys, Clock clock, SecureRandom random) {
        this.keys = keys;
        this.clock = clock;
        this.random = random;
        this.crypto = new TransportCrypto(random);
        this.mime = new MimeCodec(random);
    }

    public SimulatorKeys keys() {
        return keys;
    }

    // ---------------------------------------------------------------- test API

    /** Receives every (request inner envelope or null, response inner envelope) pair, e.g. for schema checks. */
    public void onTraffic(java.util.function.BiConsumer<byte[], byte[]> listener) {
        this.trafficListener = listener;
    }

    /** Injects a fault into the next response only. */
    public void injectOnce(Fault fault) {
        nextFaults.add(fault);
    }

    /** Injects a fault into every response (null clears). */
    public void injectAlways(Fault fault) {
        permanentFault = fault;
    }

    /** Stores a delivery for the addressee identified by its cipher certificate; returns its id. */
    public OsciMessageId seed(X509Certificate addresseeCipher, String subject, byte[] contentPackage,
            Map<String, byte[]> attachments, String messageMetaData) {
        OsciMessageId id = OsciMessageId.ofPlain("osci-sim-msg-" + ids.incrementAndGet());
        store(Certificates.fingerprint(addresseeCipher), new Delivery(id, subject, contentPackage.clone(),
                attachments, messageMetaData, now(), null, now()));
        return id;
    }

    /** Current process cards of a postbox. */
    public List<ProcessCard> processCards(X509Certificate addresseeCipher) {
        return postbox(Certificates.fingerprint(addresseeCipher)).stream().map(Delivery::processCard).toList();
    }

    /**
     * Test hook: a dialog as if InitDialog had happened, with a challenge that never changes (the golden requests
     * 005-008 all answer {@code U3VwcGxpZXJDaGFsbGVuZ2U=} in ConversationId 4711000001).
     */
    public void presetDialog(String conversationId, String fixedChallenge, X509Certificate clientCipher) {
        Dialog d = new Dialog(conversationId, clientCipher, null, fixedChallenge);
        d.challenge = fixedChallenge;
        dialogs.put(conversationId, d);
    }

    /** Ends every dialog (as an intermediary restart or dialog timeout would). */
    public void endAllDialogs() {
        dialogs.clear();
    }

    // ---------------------------------------------------------------- request handling

    /** Handles one HTTP request body. Never throws: failures become MIME-framed SOAP faults. */
    public Answer handle(byte[] body) {
        Answer a = process(body);
        trafficListener.accept(a.request() == null ? null : a.request().bytes(), a.responseEnvelope());
        return a;
    }

    private Answer process(byte[] body) {
        Fault fault = nextFaults.isEmpty() ? permanentFault : nextFaults.remove(0);
        if (fault == Fault.HTTP_500) {
            return new Answer(500, "simulated internal server error".getBytes(StandardCharsets.UTF_8), fault, null,
                    null);
        }
        InboundEnvelope req;
        InnerMessage inner;
        TransportCrypto.Opened opened;
        try {
            opened = crypto.open(body, keys.cipher().privateKey());
            inner = InnerMessage.fromMime(mime, opened.innerMime());
            req = InboundEnvelope.parse(inner.envelope());
        } catch (RuntimeException e) {
            return fault("9200", "Nachricht nicht entschlüsselbar oder nicht lesbar: " + e.getMessage(), fault);
        }
        if (req.type() == null || req.type().response()) {
            return fault("9300", "Unbekannter Auftragstyp", fault);
        }
        X509Certificate sigCert = req.certificate("SignatureCertificateOriginator").orElse(null);
        if (sigCert == null) {
            return fault("9601", "SignatureCertificateOriginator fehlt", fault);
        }
        try {
            req.verifySignature("ClientSignature", sigCert.getPublicKey(), inner.attachments());
        } catch (RuntimeException e) {
            return fault("9601", "Auftragssignatur ungültig: " + e.getMessage(), fault);
        }
        ControlBlock cb = req.controlBlock();
        if (cb == null || cb.challenge() == null) {
            return fault("9400", "ControlBlock ohne Challenge", fault);
        }
        return switch (req.type()) {
            case INIT_DIALOG -> initDialog(req, cb, opened, fault);
            case GET_MESSAGE_ID, STORE_DELIVERY -> implicit(req, inner, cb, opened, fault);
            default -> inDialog(req, cb, sigCert, opened, fault);
        };
    }

    private Answer initDialog(InboundEnvelope req, ControlBlock cb, TransportCrypto.Opened opened, Fault fault) {
        if (cb.conversationId() != null || cb.sequenceNumber() != null) {
            return fault("9400", "InitDialog mit ConversationId/SequenceNumber", fault);
        }
        Optional<X509Certificate> cipher = req.certificate("CipherCertificateOriginator");
        if (cipher.isEmpty()) {
            return fault("9601", "CipherCertificateOriginator fehlt", fault);
        }
        String id = Long.toString(conversations.incrementAndGet()) + Math.abs(random.nextInt(1_000_000));
        Dialog d = new Dialog(id, cipher.get(), req.certificate("SignatureCertificateOriginator").orElseThrow(), null);
        d.challenge = challenge();
        dialogs.put(id, d);
        ControlBlock out = new ControlBlock(id, null, echo(cb, fault), d.challenge);
        byte[] env = OsciResponses.responseToInitDialog(out, supplier(fault),
                List.of(new FeedbackEntry("0801", "Auftrag ausgeführt.", "de")));
        return answer(req, env, Map.of(), cipher.get(), opened, fault);
    }

    private Answer implicit(InboundEnvelope req, InnerMessage inner, ControlBlock cb, TransportCrypto.Opened opened,
            Fault fault) {
        Optional<X509Certificate> cipher = req.certificate("CipherCertificateOriginator");
        if (cipher.isEmpty()) {
            return fault("9601", "CipherCertificateOriginator fehlt", fault);
        }
        ControlBlock out = new ControlBlock(Long.toString(conversations.incrementAndGet()), 0, echo(cb, fault),
                challenge());
        byte[] env;
        if (req.type() == MessageType.GET_MESSAGE_ID) {
            OsciMessageId id = OsciMessageId.ofPlain("osci-sim-msg-" + ids.incrementAndGet());
            env = OsciResponses.responseToGetMessageId(out, supplier(fault),
                    List.of(new FeedbackEntry("0801", "Auftrag ausgeführt.", "de")), id);
        } else {
            Optional<X509Certificate> addressee = req.certificate("CipherCertificateAddressee");
            Optional<OsciMessageId> id = req.messageId();
            if (addressee.isEmpty() || id.isEmpty()) {
                return fault("9804", "Nachrichtenkennung oder Empfängerzertifikat fehlt", fault);
            }
            String meta = req.rawHeaderElements(Xml.OSCIMETA, "MessageMetaData").stream()
                    .map(b -> new String(b, StandardCharsets.UTF_8)).findFirst().orElse(null);
            Delivery d = new Delivery(id.get(), req.subject().orElse(null), req.contentPackage().orElse(new byte[0]),
                    inner.attachments(), meta, now(), null, now());
            store(Certificates.fingerprint(addressee.get()), d);
            ProcessCard card = d.processCard();
            env = OsciResponses.responseToStoreDelivery(out, supplier(fault),
                    List.of(new FeedbackEntry("0801", "Auftrag ausgeführt.", "de")),
                    new ProcessCard(card.messageId(), card.recentModification(), card.creation(), null, null,
                            card.subject()));
        }
        return answer(req, env, Map.of(), cipher.get(), opened, fault);
    }

    private Answer inDialog(InboundEnvelope req, ControlBlock cb, X509Certificate sigCert,
            TransportCrypto.Opened opened, Fault fault) {
        Dialog d = cb.conversationId() == null ? null : dialogs.get(cb.conversationId());
        if (d == null) {
            return fault("9802", "Kein expliziter Dialog (InitDialog fehlt oder Dialog beendet)", fault);
        }
        synchronized (d) {
            if (d.clientSignature != null && !d.clientSignature.equals(sigCert)) {
                return fault("9601", "Signaturzertifikat passt nicht zum Dialog", fault);
            }
            if (cb.sequenceNumber() == null || cb.sequenceNumber() != d.nextSequence) {
                return fault("9401", "SequenceNumber " + cb.sequenceNumber() + " erwartet " + d.nextSequence, fault);
            }
            if (!d.challenge.equals(cb.response())) {
                return fault("9402", "Response passt nicht zur letzten Challenge", fault);
            }
            d.nextSequence++;
            d.challenge = d.fixedChallenge != null ? d.fixedChallenge : challenge();
            ControlBlock out = new ControlBlock(d.id, cb.sequenceNumber(), echo(cb, fault), d.challenge);
            String box = Certificates.fingerprint(d.clientCipher);
            return switch (req.type()) {
                case FETCH_PROCESS_CARD -> answer(req, fetchProcessCard(req, out, box, fault), Map.of(),
                        d.clientCipher, opened, fault);
                case FETCH_DELIVERY -> fetchDelivery(req, out, box, d, opened, fault);
                case EXIT_DIALOG -> {
                    dialogs.remove(d.id);
                    // ResponseToExitDialog carries no new Challenge
                    ControlBlock last = new ControlBlock(out.conversationId(), out.sequenceNumber(), out.response(),
                            null);
                    yield answer(req, OsciResponses.responseToExitDialog(last, supplier(fault),
                            List.of(new FeedbackEntry("0800", "Auftrag ausgeführt, Dialog beendet.", "de"))),
                            Map.of(), d.clientCipher, opened, fault);
                }
                default -> fault("9300", "Auftragstyp " + req.type() + " nicht unterstützt", fault);
            };
        }
    }

    private byte[] fetchProcessCard(InboundEnvelope req, ControlBlock out, String box, Fault fault) {
        Element order = req.orderBlock();
        Element rule = Xml.child(order, Xml.OSCI, "SelectionRule");
        Element quantity = Xml.child(order, Xml.OSCI, "Quantity");
        List<String> wantedIds = new ArrayList<>();
        OffsetDateTime since = null;
        boolean noReception = false;
        boolean byReception = false;
        if (rule != null) {
            for (Element c : Xml.children(rule)) {
                switch (c.getLocalName()) {
                    case "MessageId" -> wantedIds.add(c.getTextContent().trim());
                    case "ReceptionOfDelivery", "RecentModification" -> {
                        since = OffsetDateTime.parse(c.getTextContent().trim());
                        noReception = "true".equals(c.getAttribute("NoReception"));
                        byReception = "ReceptionOfDelivery".equals(c.getLocalName());
                    }
                    default -> { }
                }
            }
        }
        int limit = quantity == null ? Integer.MAX_VALUE : Integer.parseInt(quantity.getAttribute("Limit"));
        List<ProcessCard> cards = new ArrayList<>();
        for (Delivery d : postbox(box)) {
            boolean match;
            if (!wantedIds.isEmpty()) {
                match = wantedIds.contains(d.messageId().wire());
            } else if (since != null) {
                OffsetDateTime t = byReception ? d.reception() : d.recentModification();
                match = (noReception ? d.reception() == null : true)
                        && (t == null ? noReception : !t.isBefore(since));
            } else {
                match = true;
            }
            if (match && cards.size() < limit) {
                cards.add(d.processCard());
            }
        }
        // ResponseToFetchProcessCard echoes through a strict xsd:any that resolves to order.xsd's SelectionRule
        // (ReceptionOfDelivery | one MessageId, no attributes): echo the request in that restricted form
        String echoed = "<osci:SelectionRule>" + (!wantedIds.isEmpty()
                ? "<osci:MessageId>" + wantedIds.get(0) + "</osci:MessageId>"
                : "<osci:ReceptionOfDelivery>" + (since == null ? "1970-01-01T00:00:00Z"
                        : java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(since.withNano(0))) + "</osci:ReceptionOfDelivery>")
                + "</osci:SelectionRule>";
        return OsciResponses.responseToFetchProcessCard(out, supplier(fault),
                List.of(new FeedbackEntry("0801", "Auftrag ausgeführt.", "de")), echoed, cards);
    }

    private Answer fetchDelivery(InboundEnvelope req, ControlBlock out, String box, Dialog dialog,
            TransportCrypto.Opened opened, Fault fault) {
        Element order = req.orderBlock();
        String echoed = InboundEnvelope.innerXml(order);
        Optional<OsciMessageId> wanted = req.messageId();
        List<Delivery> deliveries = postbox(box);
        Delivery found = null;
        int index = -1;
        synchronized (deliveries) {
            for (int i = 0; i < deliveries.size(); i++) {
                Delivery d = deliveries.get(i);
                if (wanted.isPresent() ? d.messageId().wire().equals(wanted.get().wire()) : d.reception() == null) {
                    found = d;
                    index = i;
                    break;
                }
            }
            if (found != null) {
                found = found.received(now());
                deliveries.set(index, found);
            }
        }
        List<FeedbackEntry> fb = new ArrayList<>();
        if (found == null) {
            fb.add(wanted.isPresent() ? new FeedbackEntry("9804", "Nachricht mit dieser Kennung nicht vorhanden.", "de")
                    : new FeedbackEntry("9803", "Keine Nachricht zur Abholung vorhanden.", "de"));
            byte[] env = OsciResponses.responseToFetchDelivery(out, supplier(fault), fb, echoed, null, null, List.of());
            return answer(req, env, Map.of(), dialog.clientCipher, opened, fault);
        }
        fb.add(new FeedbackEntry("0801", "Auftrag ausgeführt.", "de"));
        if (wanted.isEmpty() && deliveries.stream().anyMatch(d -> d.reception() == null)) {
            fb.add(new FeedbackEntry("3800", "Weitere Nachrichten liegen zur Abholung bereit.", "de"));
        }
        byte[] env = OsciResponses.responseToFetchDelivery(out, supplier(fault), fb, echoed, found.processCard(),
                new String(found.contentPackage(), StandardCharsets.UTF_8),
                found.messageMetaData() == null ? List.of() : List.of(found.messageMetaData()));
        return answer(req, env, found.attachments(), dialog.clientCipher, opened, fault);
    }

    // ---------------------------------------------------------------- helpers

    private Answer answer(InboundEnvelope req, byte[] envelope, Map<String, byte[]> attachments,
            X509Certificate clientCipher, TransportCrypto.Opened opened, Fault fault) {
        byte[] inner = new InnerMessage(envelope, attachments).toMime(mime);
        byte[] body = crypto.seal(inner, clientCipher, opened.algorithms());
        return new Answer(200, body, fault, req, envelope);
    }

    /** Faults go unencrypted, MIME-framed (the library rejects a bare SOAP fault). */
    private Answer fault(String code, String text, Fault fault) {
        byte[] env = OsciResponses.fault(code, text);
        byte[] body = mime.write(new MimeMessage(mime.newBoundary(),
                List.of(MimePart.of("text/xml; charset=UTF-8", "8bit", MimeMessage.OSCI_MESSAGE, env))));
        return new Answer(200, body, fault, null, env);
    }

    private String echo(ControlBlock cb, Fault fault) {
        return fault == Fault.WRONG_CHALLENGE ? challenge() : cb.challenge();
    }

    private OsciResponses.Supplier supplier(Fault fault) {
        if (fault == Fault.WRONG_SIGNATURE) {
            Credentials rogue = TestPki.credentials("Rogue Signer", clock.instant(), random);
            return new OsciResponses.Supplier(new Credentials(rogue.privateKey(), keys.signature().certificate()));
        }
        if (fault == Fault.EXPIRED_CERTIFICATE) {
            return new OsciResponses.Supplier(keys.signature(),
                    TestPki.expiredCertificate(keys.signature(), clock.instant(), random));
        }
        return new OsciResponses.Supplier(keys.signature());
    }

    private String challenge() {
        byte[] b = new byte[10];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private List<Delivery> postbox(String key) {
        return postboxes.computeIfAbsent(key, k -> java.util.Collections.synchronizedList(new ArrayList<>()));
    }

    private void store(String box, Delivery d) {
        List<Delivery> list = postbox(box);
        synchronized (list) {
            list.removeIf(x -> x.messageId().wire().equals(d.messageId().wire()));
            list.add(d);
        }
    }
}
