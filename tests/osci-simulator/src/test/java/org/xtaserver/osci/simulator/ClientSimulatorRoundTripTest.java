package org.xtaserver.osci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xtaserver.osci.client.FetchedDelivery;
import org.xtaserver.osci.client.Osci12PostboxClient;
import org.xtaserver.osci.client.OsciClientConfig;
import org.xtaserver.osci.client.OsciException;
import org.xtaserver.osci.client.OsciFeedbackException;
import org.xtaserver.osci.client.OsciSecurityException;
import org.xtaserver.osci.client.OsciTransportException;
import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.crypto.KeyTransportAlgorithm;
import org.xtaserver.osci.crypto.SymmetricAlgorithm;
import org.xtaserver.osci.crypto.TransportCrypto;
import org.xtaserver.osci.message.OsciMessageId;
import org.xtaserver.osci.message.OsciOutcome;
import org.xtaserver.osci.message.ProcessCard;
import org.xtaserver.osci.message.ProcessCardSelection;
import org.xtaserver.osci.xml.Xml;

/** The fetcher's client against the simulator over real HTTP on 127.0.0.1. */
class ClientSimulatorRoundTripTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static OsciSimulator simulator;
    private static Credentials tenant;
    private static Credentials otherTenant;
    private static final List<byte[]> traffic = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws Exception {
        simulator = OsciSimulator.startWithTestKeys(CLOCK);
        simulator.slowDelay(Duration.ofSeconds(3));
        tenant = TestPki.credentials("Tenant Postbox", CLOCK.instant(), RANDOM);
        otherTenant = TestPki.credentials("Other Tenant Postbox", CLOCK.instant(), RANDOM);
        simulator.engine().onTraffic((req, resp) -> {
            if (req != null) {
                traffic.add(req);
            }
            traffic.add(resp);
        });
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void clearTraffic() {
        traffic.clear();
        simulator.injectAlways(null);
    }

    private static Osci12PostboxClient client(Credentials who, Duration timeout, TransportCrypto.Algorithms alg) {
        return Osci12PostboxClient.overHttp(new OsciClientConfig(who, who, simulator.uri(),
                simulator.signatureCertificate(), simulator.cipherCertificate(), timeout, alg), CLOCK);
    }

    private static Osci12PostboxClient client(Credentials who) {
        return client(who, Duration.ofSeconds(20), null);
    }

    /** Content end-to-end encrypted for a reader key that neither client nor simulator holds. */
    private static String encryptedForForeignReader() {
        Credentials reader = TestPki.credentials("Foreign Reader", CLOCK.instant(), RANDOM);
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        byte[] blob = TransportCrypto.encryptSymmetric(SymmetricAlgorithm.AES256_GCM, key,
                "<secret>Meldedaten</secret>".getBytes(StandardCharsets.UTF_8), RANDOM);
        byte[] wrapped = TransportCrypto.wrapKey(KeyTransportAlgorithm.RSA_OAEP_SHA256, reader.certificate(), key);
        return "<xenc:EncryptedData xmlns:xenc=\"" + Xml.XENC + "\" xmlns:ds=\"" + Xml.DS
                + "\" Id=\"encdata_0\" MimeType=\"text/xml\">" + TransportCrypto.symmetricMethodXml(
                        SymmetricAlgorithm.AES256_GCM)
                + "<ds:KeyInfo>" + TransportCrypto.encryptedKeyXml(KeyTransportAlgorithm.RSA_OAEP_SHA256,
                        reader.certificate(), wrapped)
                + "</ds:KeyInfo><xenc:CipherData><xenc:CipherValue>" + Xml.base64Lines(blob)
                + "</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>";
    }

    private static String plainContainer(String text) {
        return "<osci:ContentContainer xmlns:osci=\"" + Xml.OSCI + "\" Id=\"container_" + RANDOM.nextInt(1_000_000) + "\"><osci:Content><osci:Base64Content Id=\"c_"
                + RANDOM.nextInt(1_000_000) + "\">" + java.util.Base64.getEncoder().encodeToString(text.getBytes())
                + "</osci:Base64Content></osci:Content></osci:ContentContainer>";
    }

    @Test
    void seededDeliveriesAreListedFetchedByteForByteAndMarkedReceived() {
        byte[] encrypted = encryptedForForeignReader().getBytes(StandardCharsets.UTF_8);
        byte[] plain1 = plainContainer("erste Nachricht").getBytes(StandardCharsets.UTF_8);
        byte[] plain2 = plainContainer("zweite Nachricht äöü").getBytes(StandardCharsets.UTF_8);
        String meta = "<oscimeta:MessageMetaData xmlns:oscimeta=\"" + Xml.OSCIMETA
                + "\"><oscimeta:DeliveryAttributes/></oscimeta:MessageMetaData>";
        OsciMessageId id1 = simulator.seedDelivery(tenant.certificate(), "verschlüsselt", encrypted,
                Map.of("payload.xml", new byte[] {1, 2, 3, (byte) 0xff}), meta);
        OsciMessageId id2 = simulator.seedDelivery(tenant.certificate(), "zwei", plain1);
        OsciMessageId id3 = simulator.seedDelivery(tenant.certificate(), "drei", plain2);
        simulator.seedDelivery(otherTenant.certificate(), "fremd", plain1);

        try (Osci12PostboxClient client = client(tenant)) {
            assertThat(client.openDialog()).matches("\\d+");
            List<ProcessCard> cards = client.listProcessCards(ProcessCardSelection.pendingForAddressee(10));
            assertThat(cards).extracting(ProcessCard::messageId).containsExactly(id1, id2, id3);
            assertThat(cards).allSatisfy(c -> assertThat(c.reception()).isNull());

            FetchedDelivery d1 = client.fetchDelivery(id1);
            assertThat(d1.contentPackage()).isEqualTo(encrypted);
            assertThat(d1.messageId()).isEqualTo(id1);
            assertThat(d1.processCard().subject()).isEqualTo("verschlüsselt");
            assertThat(d1.attachments()).containsOnlyKeys("payload.xml");
            assertThat(d1.attachments().get("payload.xml")).containsExactly(1, 2, 3, 0xff);
            assertThat(new String(d1.messageMetaData(), StandardCharsets.UTF_8)).isEqualTo(meta);
            assertThat(client.fetchDelivery(id2).contentPackage()).isEqualTo(plain1);

            // no selection rule: oldest waiting (id3) and nothing more waits
            FetchedDelivery next = client.fetchNext().orElseThrow();
            assertThat(next.messageId()).isEqualTo(id3);
            assertThat(next.contentPackage()).isEqualTo(plain2);
            assertThat(next.moreWaiting()).isFalse();
            assertThat(client.fetchNext()).isEmpty(); // 9803

            assertThat(client.listProcessCards(ProcessCardSelection.ofIds(List.of(id1, id2, id3))))
                    .allSatisfy(c -> assertThat(c.reception()).isNotNull());
            assertThatThrownBy(() -> client.fetchDelivery(OsciMessageId.ofPlain("unknown")))
                    .isInstanceOfSatisfying(OsciFeedbackException.class,
                            e -> assertThat(e.outcome()).isEqualTo(OsciOutcome.BAD_MESSAGE_ID));
        }
        assertThat(simulator.processCards(tenant.certificate())).allSatisfy(c -> assertThat(c.reception()).isNotNull());
        assertThat(simulator.processCards(otherTenant.certificate()))
                .allSatisfy(c -> assertThat(c.reception()).isNull());
        SchemaValidator schemas = new SchemaValidator(SharedFiles.schemas());
        assertThat(traffic).hasSizeGreaterThanOrEqualTo(18);
        traffic.forEach(schemas::validate);
    }

    @Test
    void fetchNextReports3800WhileMoreWaitAndTheCbcDialectWorks() {
        Credentials t = TestPki.credentials("CBC Tenant", CLOCK.instant(), RANDOM);
        OsciMessageId a = simulator.seedDelivery(t.certificate(), "a", plainContainer("a").getBytes());
        simulator.seedDelivery(t.certificate(), "b", plainContainer("b").getBytes());
        try (Osci12PostboxClient client = client(t, Duration.ofSeconds(20), new TransportCrypto.Algorithms(
                SymmetricAlgorithm.AES256_CBC, KeyTransportAlgorithm.RSA_OAEP_MGF1P))) {
            client.openDialog();
            FetchedDelivery first = client.fetchNext().orElseThrow();
            assertThat(first.messageId()).isEqualTo(a);
            assertThat(first.moreWaiting()).isTrue();
            assertThat(first.feedback()).extracting(f -> f.code()).contains("3800");
            assertThat(client.fetchNext().orElseThrow().moreWaiting()).isFalse();
            assertThat(client.fetchNext()).isEmpty();
        }
    }

    @Test
    void aRequestAfterTheDialogEndedIsRejectedWith9802() {
        try (Osci12PostboxClient client = client(tenant)) {
            client.openDialog();
            simulator.engine().endAllDialogs();
            assertThatThrownBy(client::fetchNext).isInstanceOfSatisfying(OsciFeedbackException.class, e -> {
                assertThat(e.code()).isEqualTo("9802");
                assertThat(e.outcome()).isEqualTo(OsciOutcome.NO_DIALOG);
            });
        }
    }

    private static OsciException faultOutcome(Fault fault, Duration timeout) {
        simulator.seedDelivery(tenant.certificate(), "fault " + fault, plainContainer("x").getBytes());
        OsciException thrown;
        try (Osci12PostboxClient client = client(tenant, timeout, null)) {
            client.openDialog();
            simulator.injectOnce(fault);
            thrown = org.assertj.core.api.Assertions.catchThrowableOfType(OsciException.class,
                    () -> client.listProcessCards(ProcessCardSelection.pendingForAddressee(5)));
        }
        // the simulator keeps serving: a fresh dialog works
        try (Osci12PostboxClient client = client(tenant)) {
            client.openDialog();
            assertThat(client.fetchNext()).isPresent();
        }
        return thrown;
    }

    @Test
    void eachInjectedFaultGivesADistinctClientOutcomeAndTheSimulatorKeepsServing() {
        assertThat(faultOutcome(Fault.HTTP_500, Duration.ofSeconds(20)))
                .isInstanceOf(OsciTransportException.class).extracting(OsciException::outcome)
                .isEqualTo(OsciOutcome.HTTP_ERROR);
        assertThat(faultOutcome(Fault.DROP_CONNECTION, Duration.ofSeconds(20)))
                .isInstanceOf(OsciTransportException.class).extracting(OsciException::outcome)
                .isEqualTo(OsciOutcome.CONNECTION_FAILED);
        assertThat(faultOutcome(Fault.SLOW, Duration.ofMillis(500)))
                .isInstanceOf(OsciTransportException.class).extracting(OsciException::outcome)
                .isEqualTo(OsciOutcome.TIMEOUT);
        assertThat(faultOutcome(Fault.WRONG_SIGNATURE, Duration.ofSeconds(20)))
                .isInstanceOf(OsciSecurityException.class).extracting(OsciException::outcome)
                .isEqualTo(OsciOutcome.SIGNATURE_INVALID);
        assertThat(faultOutcome(Fault.WRONG_CHALLENGE, Duration.ofSeconds(20)))
                .isInstanceOf(OsciSecurityException.class).extracting(OsciException::outcome)
                .isEqualTo(OsciOutcome.CHALLENGE_MISMATCH);
        assertThat(faultOutcome(Fault.EXPIRED_CERTIFICATE, Duration.ofSeconds(20)))
                .isInstanceOf(OsciSecurityException.class).extracting(OsciException::outcome)
                .isEqualTo(OsciOutcome.CERTIFICATE_INVALID);
    }

    @Test
    void theClientRefusesToFetchWithoutADialog() {
        try (Osci12PostboxClient client = client(tenant)) {
            assertThatThrownBy(client::fetchNext).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("openDialog");
            assertThat(Optional.ofNullable(client.conversationId())).isEmpty();
        }
    }
}
