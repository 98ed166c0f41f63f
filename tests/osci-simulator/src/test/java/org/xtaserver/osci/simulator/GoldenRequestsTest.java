package org.xtaserver.osci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.crypto.SymmetricAlgorithm;
import org.xtaserver.osci.crypto.TransportCrypto;
import org.xtaserver.osci.message.FeedbackEntry;
import org.xtaserver.osci.message.InboundEnvelope;
import org.xtaserver.osci.message.InnerMessage;
import org.xtaserver.osci.message.MessageType;
import org.xtaserver.osci.mime.MimeCodec;

/** The simulator against the eight requests of the Governikus library (wire bytes in /work/shared). */
class GoldenRequestsTest {

    private static final char[] PIN = "123456".toCharArray();

    private static Credentials p12(Path pki, String stem) {
        return Credentials.fromPkcs12(pki.resolve(stem + ".p12"), PIN, stem);
    }

    private static List<Path> goldenBodies(Path golden) throws Exception {
        try (Stream<Path> s = Files.list(golden.resolve("raw"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".body.bin")).sorted().toList();
        }
    }

    @Test
    void everyGoldenRequestIsDecryptedRecognisedAndItsClientSignatureVerifies() throws Exception {
        Path golden = SharedFiles.golden();
        Path pki = golden.resolve("pki");
        Credentials cipher = p12(pki, "intermediary-cipher");
        X509Certificate sender = p12(pki, "sender").certificate();
        X509Certificate recipient = p12(pki, "recipient").certificate();
        TransportCrypto crypto = new TransportCrypto(new SecureRandom());
        MimeCodec mime = new MimeCodec();
        List<Path> bodies = goldenBodies(golden);
        assertThat(bodies).hasSize(8);
        List<MessageType> expected = List.of(MessageType.GET_MESSAGE_ID, MessageType.STORE_DELIVERY,
                MessageType.STORE_DELIVERY, MessageType.INIT_DIALOG, MessageType.FETCH_PROCESS_CARD,
                MessageType.FETCH_DELIVERY, MessageType.FETCH_DELIVERY, MessageType.EXIT_DIALOG);
        for (int i = 0; i < bodies.size(); i++) {
            TransportCrypto.Opened opened = crypto.open(Files.readAllBytes(bodies.get(i)), cipher.privateKey());
            assertThat(opened.algorithms().symmetric()).isEqualTo(SymmetricAlgorithm.AES256_GCM);
            String name = bodies.get(i).getFileName().toString().replace(".body.bin", "");
            assertThat(opened.innerMime())
                    .isEqualTo(Files.readAllBytes(golden.resolve("decrypted/" + name + ".inner.mime")));
            InnerMessage inner = InnerMessage.fromMime(mime, opened.innerMime());
            InboundEnvelope env = InboundEnvelope.parse(inner.envelope());
            assertThat(env.type()).as(name).isEqualTo(expected.get(i));
            X509Certificate signer = i < 3 ? sender : recipient;
            env.verifySignature("ClientSignature", signer.getPublicKey(), inner.attachments());
            assertThat(env.certificate("SignatureCertificateOriginator")).contains(signer);
        }
    }

    @Test
    void simulatorAcceptsTheGoldenSeedingRequestsAndTheGoldenDialog() throws Exception {
        Path golden = SharedFiles.golden();
        Path pki = golden.resolve("pki");
        SimulatorKeys keys = new SimulatorKeys(p12(pki, "intermediary-cipher"), p12(pki, "intermediary-signature"));
        IntermediaryEngine engine = new IntermediaryEngine(keys, Clock.systemUTC(), new SecureRandom());
        Credentials recipient = p12(pki, "recipient");
        Credentials sender = p12(pki, "sender");
        engine.presetDialog("4711000001", "U3VwcGxpZXJDaGFsbGVuZ2U=", recipient.certificate());
        SchemaValidator schemas = new SchemaValidator(SharedFiles.schemas());
        TransportCrypto crypto = new TransportCrypto(new SecureRandom());
        MimeCodec mime = new MimeCodec();
        List<Path> bodies = goldenBodies(golden);
        for (int i = 0; i < bodies.size(); i++) {
            IntermediaryEngine.Answer a = engine.handle(Files.readAllBytes(bodies.get(i)));
            String name = bodies.get(i).getFileName().toString();
            assertThat(a.status()).as(name).isEqualTo(200);
            assertThat(a.request()).as(name + " answered with fault: " + new String(a.responseEnvelope())).isNotNull();
            // the answer is encrypted for the client's CipherCertificateOriginator (kept from InitDialog)
            Credentials client = i < 3 ? sender : recipient;
            byte[] inner = crypto.open(a.body(), client.privateKey()).innerMime();
            InboundEnvelope resp = InboundEnvelope.parse(InnerMessage.fromMime(mime, inner).envelope());
            resp.verifySignature("SupplierSignature", keys.signature().certificate().getPublicKey(),
                    InnerMessage.fromMime(mime, inner).attachments());
            schemas.validate(a.responseEnvelope());
            assertThat(resp.feedback()).as(name).noneMatch(f -> f.outcome().failure());
            if (name.startsWith("006")) {
                assertThat(resp.processCards()).singleElement()
                        .satisfies(c -> assertThat(c.messageId().plain()).isEqualTo("osci-peer-test-msg-0001"))
                        .satisfies(c -> assertThat(c.forwarding()).isNotNull());
            }
            if (name.startsWith("005")) {
                assertThat(resp.processCards()).hasSize(2);
            }
            if (name.startsWith("008")) {
                assertThat(resp.feedback()).extracting(FeedbackEntry::code).containsExactly("0800");
            }
        }
    }

    @Test
    void goldenInnerEnvelopesValidateAgainstTheirSchemas() throws Exception {
        Path golden = SharedFiles.golden();
        SchemaValidator schemas = new SchemaValidator(SharedFiles.schemas());
        try (Stream<Path> s = Files.list(golden.resolve("decrypted"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".inner-envelope.xml")).sorted().toList()) {
                schemas.validate(Files.readAllBytes(p));
            }
        }
    }
}
