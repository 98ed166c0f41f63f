package org.xtaserver.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xtaserver.message.CanonicalXml;
import org.xtaserver.message.ContentKind;
import org.xtaserver.message.MessageSource;
import org.xtaserver.message.NewMessage;
import org.xtaserver.message.StoredMessage;
import org.xtaserver.metrics.MessageMetrics;
import org.xtaserver.osci.client.OsciException;
import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.fetch.FetchRound;
import org.xtaserver.osci.simulator.Fault;
import org.xtaserver.osci.simulator.OsciSimulator;
import org.xtaserver.osci.simulator.TestPki;
import org.xtaserver.store.PostboxQuery;
import org.xtaserver.store.embedded.MariaDbExtension;
import org.xtaserver.store.jdbc.JdbcMessageStore;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantFiles;
import org.xtaserver.tenant.TenantId;
import org.xtaserver.tenant.TenantRegistry;
import org.xtaserver.tenant.pki.Pem;
import org.xtaserver.xta.v3.V3MetadataDocuments;

/**
 * A tenant's fetch round against the OSCI simulator over real HTTP, with real transport crypto,
 * into the real store on MariaDB.
 */
class OsciFetchIntegrationTests {

	@RegisterExtension
	static final MariaDbExtension mariaDb = new MariaDbExtension();

	private static final TenantId MUSTERSTADT = new TenantId("musterstadt");

	private static final PartyId POSTBOX = PartyId.of("xoev", "demo:musterstadt:sozialamt");

	private static final String SECRET = "Erika Mustermann, Antrag auf Hilfe zum Lebensunterhalt";

	private final Clock clock = Clock.systemUTC();

	private OsciSimulator simulator;

	private Credentials tenantOsci;

	private JdbcMessageStore store;

	private FailingOnce failOnce;

	private OsciTenantFetch fetch;

	@BeforeEach
	void setUp(@TempDir Path dir) throws Exception {
		mariaDb.truncateAll();
		this.simulator = OsciSimulator.startWithTestKeys(this.clock);
		this.tenantOsci = TestPki.credentials("musterstadt-osci", this.clock.instant(), new SecureRandom());
		Path tenants = Files.createDirectories(dir.resolve("tenants"));
		Path keys = Files.createDirectories(tenants.resolve("osci"));
		Pem.writeCertificate(keys.resolve("musterstadt.crt"), this.tenantOsci.certificate());
		Files.writeString(keys.resolve("musterstadt.key"), Pem.encodePrivateKey(this.tenantOsci.privateKey()));
		Pem.writeCertificate(keys.resolve("intermediary-cipher.crt"), this.simulator.cipherCertificate());
		Pem.writeCertificate(keys.resolve("intermediary-signature.crt"), this.simulator.signatureCertificate());
		Files.writeString(tenants.resolve("musterstadt.yaml"), """
				id: musterstadt
				displayName: Stadt Musterstadt
				postboxes:
				  - identifier: { type: xoev, category: Sozialamt, name: Sozialamt Musterstadt, value: "demo:musterstadt:sozialamt" }
				    services:
				      - service: "urn:xoev-de:xsozial:demo:sozialhilfe"
				osci:
				  intermediaryUrl: "%s"
				  fetchInterval: 10s
				  certificate: osci/musterstadt.crt
				  privateKey: osci/musterstadt.key
				  intermediaryCertificate: osci/intermediary-cipher.crt
				  intermediarySignatureCertificate: osci/intermediary-signature.crt
				""".formatted(this.simulator.uri()));
		TenantRegistry registry = new TenantRegistry(tenants, new TenantFiles(this.clock));
		assertThat(registry.reload().problems()).isEmpty();

		JdbcTemplate jdbc = new JdbcTemplate(mariaDb.dataSource());
		this.store = new JdbcMessageStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(mariaDb.dataSource())),
				1024 * 1024);
		this.failOnce = new FailingOnce(this.store);
		OsciDeliveryImporter importer = new OsciDeliveryImporter(this.failOnce, new V3MetadataDocuments(),
				new CanonicalXml(), new MessageMetrics(new SimpleMeterRegistry()), this.clock);
		OsciFetchProperties properties = new OsciFetchProperties(true, 4, Duration.ofSeconds(1), Duration.ofMinutes(1),
				Duration.ofMinutes(1), Duration.ofDays(2), 100, Duration.ofSeconds(20), "test");
		this.fetch = new OsciTenantFetch(registry, importer, properties, this.clock, OsciTenantFetch.overHttp(this.clock),
				org.xtaserver.osci.fetch.FetchLease.local(), "test");
	}

	@AfterEach
	void tearDown() {
		this.simulator.close();
	}

	@Test
	void everyWaitingDeliveryIsStoredOnceAndASecondRoundAddsNothing() throws Exception {
		byte[] encrypted = encryptedForAReaderTheServerDoesNotKnow();
		this.simulator.seedDelivery(this.tenantOsci.certificate(), "HzL-Antrag 1", encrypted);
		this.simulator.seedDelivery(this.tenantOsci.certificate(), "HzL-Antrag 2", plainContainer());
		this.simulator.seedDelivery(this.tenantOsci.certificate(), "HzL-Antrag 3", encrypted, Map.of(), null);

		FetchRound first = this.fetch.fetch("musterstadt");
		FetchRound second = this.fetch.fetch("musterstadt");

		assertThat(first.fetched()).isEqualTo(3);
		assertThat(second.fetched()).isZero();
		List<StoredMessage> postbox = this.store.list(PostboxQuery.all(MUSTERSTADT, POSTBOX), 0, 10).messages();
		assertThat(postbox).hasSize(3);
		assertThat(postbox).extracting(StoredMessage::source).containsOnly(MessageSource.OSCI);
		assertThat(postbox).extracting(StoredMessage::kind).containsExactlyInAnyOrder(ContentKind.ENCRYPTED,
				ContentKind.PLAIN, ContentKind.ENCRYPTED);
		StoredMessage first1 = postbox.get(0);
		assertThat(this.store.history(first1).get(0).detail()).contains("OSCI process card");
	}

	@Test
	void aDeliveryLostBetweenTheIntermediarysAnswerAndOurCommitIsFetchedAgainByReconciliation() throws Exception {
		this.simulator.seedDelivery(this.tenantOsci.certificate(), "lost in a crash", plainContainer());
		this.failOnce.arm();

		assertThatThrownBy(() -> this.fetch.fetch("musterstadt")).hasMessageContaining("simulated crash");
		assertThat(this.store.list(PostboxQuery.all(MUSTERSTADT, POSTBOX), 0, 10).messages()).isEmpty();
		assertThat(this.simulator.processCards(this.tenantOsci.certificate())).singleElement()
			.satisfies((card) -> assertThat(card.reception()).as("the intermediary counts it as received").isNotNull());

		FetchRound recovered = this.fetch.fetch("musterstadt");

		assertThat(recovered.fetched()).isEqualTo(1);
		assertThat(this.store.list(PostboxQuery.all(MUSTERSTADT, POSTBOX), 0, 10).messages()).hasSize(1);
	}

	@Test
	void endToEndEncryptedContentIsStoredAsSentAndItsPlaintextIsNowhereInTheDatabase() throws Exception {
		byte[] encrypted = encryptedForAReaderTheServerDoesNotKnow();
		this.simulator.seedDelivery(this.tenantOsci.certificate(), "encrypted", encrypted);

		this.fetch.fetch("musterstadt");

		StoredMessage stored = this.store.list(PostboxQuery.all(MUSTERSTADT, POSTBOX), 0, 10).messages().get(0);
		assertThat(stored.kind()).isEqualTo(ContentKind.ENCRYPTED);
		try (InputStream in = this.store.openContent(stored.parts().get(0).contentId())) {
			String storedXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(storedXml).contains(cipherValueOf(encrypted));
		}
		JdbcTemplate jdbc = new JdbcTemplate(mariaDb.dataSource());
		for (String column : List.of("SELECT data FROM content_chunk", "SELECT metadata_doc FROM message",
				"SELECT detail FROM transport_event WHERE detail IS NOT NULL")) {
			for (byte[] value : jdbc.query(column, (rs, i) -> rs.getBytes(1))) {
				assertThat(new String(value, StandardCharsets.UTF_8)).doesNotContain("Erika Mustermann");
			}
		}
	}

	@Test
	void anIntermediaryFailureStoresNothingAndTheNextRoundSucceeds() throws Exception {
		this.simulator.seedDelivery(this.tenantOsci.certificate(), "after the outage", plainContainer());
		this.simulator.injectOnce(Fault.HTTP_500);

		assertThatThrownBy(() -> this.fetch.fetch("musterstadt")).isInstanceOf(OsciException.class);
		assertThat(this.store.list(PostboxQuery.all(MUSTERSTADT, POSTBOX), 0, 10).messages()).isEmpty();

		assertThat(this.fetch.fetch("musterstadt").fetched()).isEqualTo(1);
	}

	/** An EncryptedData whose key is wrapped for a reader key nobody here has; the plaintext is SECRET. */
	private static byte[] encryptedForAReaderTheServerDoesNotKnow() throws Exception {
		javax.crypto.KeyGenerator aes = javax.crypto.KeyGenerator.getInstance("AES");
		aes.init(256);
		javax.crypto.SecretKey key = aes.generateKey();
		byte[] iv = new byte[12];
		new SecureRandom().nextBytes(iv);
		javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.GCMParameterSpec(128, iv));
		byte[] sealed = cipher.doFinal(SECRET.getBytes(StandardCharsets.UTF_8));
		byte[] blob = new byte[iv.length + sealed.length];
		System.arraycopy(iv, 0, blob, 0, iv.length);
		System.arraycopy(sealed, 0, blob, iv.length, sealed.length);
		java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
		rsa.initialize(2048);
		javax.crypto.Cipher wrap = javax.crypto.Cipher.getInstance("RSA/ECB/OAEPPadding");
		wrap.init(javax.crypto.Cipher.WRAP_MODE, rsa.generateKeyPair().getPublic());
		String wrapped = Base64.getEncoder().encodeToString(wrap.wrap(key));
		return ("<xenc:EncryptedData xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\" MimeType=\"text/xml\">"
				+ "<xenc:EncryptionMethod Algorithm=\"http://www.w3.org/2009/xmlenc11#aes256-gcm\"/>"
				+ "<ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><xenc:EncryptedKey>"
				+ "<xenc:EncryptionMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p\"/>"
				+ "<xenc:CipherData><xenc:CipherValue>" + wrapped + "</xenc:CipherValue></xenc:CipherData>"
				+ "</xenc:EncryptedKey></ds:KeyInfo><xenc:CipherData><xenc:CipherValue>"
				+ Base64.getEncoder().encodeToString(blob) + "</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String cipherValueOf(byte[] encryptedData) {
		String xml = new String(encryptedData, StandardCharsets.UTF_8);
		int last = xml.lastIndexOf("<xenc:CipherValue>") + "<xenc:CipherValue>".length();
		return xml.substring(last, xml.indexOf("</xenc:CipherValue>", last));
	}

	private static byte[] plainContainer() {
		return ("<osci:ContentContainer xmlns:osci=\"http://www.osci.de/2002/04/osci\"><osci:Content Id=\"c1\">"
				+ "<osci:Base64Content>" + Base64.getEncoder().encodeToString("<Antrag/>".getBytes(StandardCharsets.UTF_8))
				+ "</osci:Base64Content></osci:Content></osci:ContentContainer>").getBytes(StandardCharsets.UTF_8);
	}

	/** The store, except that the next accept fails once as if the server died before its commit. */
	static final class FailingOnce extends org.xtaserver.store.DelegatingMessageStore {

		private final AtomicBoolean armed = new AtomicBoolean();

		FailingOnce(JdbcMessageStore store) {
			super(store);
		}

		void arm() {
			this.armed.set(true);
		}

		@Override
		public StoredMessage acceptUnreserved(NewMessage message, java.time.Instant at) {
			if (this.armed.compareAndSet(true, false)) {
				throw new IllegalStateException("simulated crash before the commit");
			}
			return super.acceptUnreserved(message, at);
		}
	}
}
