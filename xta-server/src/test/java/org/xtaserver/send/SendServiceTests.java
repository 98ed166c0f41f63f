package org.xtaserver.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xtaserver.audit.Auditor;
import org.xtaserver.audit.JdbcAuditTrail;
import org.xtaserver.config.XtaServerProperties;
import org.xtaserver.management.ManagementService;
import org.xtaserver.message.ContentKind;
import org.xtaserver.message.MessageId;
import org.xtaserver.message.MessageMetadata;
import org.xtaserver.message.MessageStatus;
import org.xtaserver.message.MetadataDocument;
import org.xtaserver.message.NewPart;
import org.xtaserver.message.PartAttributes;
import org.xtaserver.message.PartRole;
import org.xtaserver.message.StoredMessage;
import org.xtaserver.message.XtaError;
import org.xtaserver.message.XtaFailure;
import org.xtaserver.metrics.MessageMetrics;
import org.xtaserver.reservation.MessageIdReservations;
import org.xtaserver.security.Caller;
import org.xtaserver.store.embedded.MariaDbExtension;
import org.xtaserver.store.jdbc.JdbcMessageStore;
import org.xtaserver.store.jdbc.JdbcServerSecrets;
import org.xtaserver.tenancy.TestTenants;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantId;
import org.xtaserver.tenant.TenantRegistry;

/**
 * createMessageId and sendMessage on a real database: an id reserved by createMessageId is accepted
 * once from its author without any reservation row; ids reserved as rows (earlier versions) still
 * are; anything else is refused.
 */
class SendServiceTests {

	@RegisterExtension
	static final MariaDbExtension mariaDb = new MariaDbExtension();

	private static final Caller AUTHOR = new Caller(new TenantId("musterstadt"),
			PartyId.of("xoev", "demo:musterstadt:sozialamt"), "musterstadt-fachverfahren", "ab12");

	private static final Caller OTHER = new Caller(new TenantId("beispielhausen"),
			PartyId.of("xoev", "demo:beispielhausen:sozialamt"), "beispielhausen-fachverfahren", "cd34");

	private final Clock clock = Clock.systemUTC();

	private JdbcTemplate jdbc;

	private JdbcMessageStore store;

	private ManagementService management;

	private SendService send;

	private TenantRegistry registry;

	private XtaServerProperties properties;

	private Auditor auditor;

	@BeforeEach
	void setUp(@TempDir Path tenants) throws Exception {
		mariaDb.truncateAll();
		this.registry = TestTenants.registry(tenants, this.clock, AUTHOR, OTHER);
		this.jdbc = new JdbcTemplate(mariaDb.dataSource());
		TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(mariaDb.dataSource()));
		this.store = new JdbcMessageStore(this.jdbc, tx, 1024);
		this.properties = new XtaServerProperties("xta-test", 1024 * 1024, 500, Duration.ofMinutes(30), 1024);
		this.auditor = new Auditor(new JdbcAuditTrail(this.jdbc), this.clock);
		this.management = new ManagementService(this.store, this.registry, this.properties, this.clock, this.auditor, tx,
				reservations());
		this.send = sendService();
	}

	@Test
	void anIdFromCreateMessageIdIsAcceptedOnceWithoutAReservationRow() {
		MessageId id = this.management.createMessageId(AUTHOR);
		assertThat(count("reserved_message_id")).isZero();

		StoredMessage stored = this.send.send(AUTHOR, submission(id, AUTHOR));

		assertThat(stored.status()).isEqualTo(MessageStatus.IN_POSTBOX);
		assertThat(this.store.find(id)).isPresent();
		assertThat(refusal(() -> this.send.send(AUTHOR, submission(id, AUTHOR))))
			.isEqualTo(XtaError.DUPLICATE_MESSAGE_ID);
		assertThat(count("message")).isEqualTo(1);
		assertThat(auditedOk("CREATE_MESSAGE_ID")).isEqualTo(1);
		assertThat(auditedOk("SEND")).isEqualTo(1);
	}

	@Test
	void anotherReplicaAcceptsTheIdAndTheSecondUseOfItAnywhereIsRefused() {
		MessageId id = this.management.createMessageId(AUTHOR);
		SendService replica = sendService();

		replica.send(AUTHOR, submission(id, AUTHOR));

		assertThat(refusal(() -> this.send.send(AUTHOR, submission(id, AUTHOR)))).as("second use on the first replica")
			.isEqualTo(XtaError.DUPLICATE_MESSAGE_ID);
		assertThat(count("message")).isEqualTo(1);
	}

	@Test
	void anIdReservedForAnotherAuthorIsNotReserved() {
		MessageId id = this.management.createMessageId(OTHER);

		assertThat(refusal(() -> this.send.send(AUTHOR, submission(id, AUTHOR))))
			.isEqualTo(XtaError.MESSAGE_ID_NOT_RESERVED);
		assertThat(count("message")).isZero();
	}

	@Test
	void anIdOfItsOwnMakingIsNotReserved() {
		MessageId id = MessageId.newUnique("xta-test");

		assertThat(refusal(() -> this.send.send(AUTHOR, submission(id, AUTHOR))))
			.isEqualTo(XtaError.MESSAGE_ID_NOT_RESERVED);
		assertThat(count("message")).isZero();
	}

	@Test
	void anIdReservedAsARowByAnEarlierVersionIsStillAcceptedOnce() {
		MessageId id = MessageId.newUnique("xta-test");
		this.store.reserve(id, AUTHOR.tenant(), AUTHOR.party(), this.clock.instant());

		this.send.send(AUTHOR, submission(id, AUTHOR));

		assertThat(count("reserved_message_id")).isZero();
		assertThat(refusal(() -> this.send.send(AUTHOR, submission(id, AUTHOR))))
			.isEqualTo(XtaError.DUPLICATE_MESSAGE_ID);
	}

	/** A SendService as another replica on the same database has it: its own reservations, same secret. */
	private SendService sendService() {
		return new SendService(this.store, this.registry, this.properties, this.clock, this.auditor,
				new MessageMetrics(new SimpleMeterRegistry()), reservations());
	}

	private MessageIdReservations reservations() {
		return new MessageIdReservations(new JdbcServerSecrets(this.jdbc, new SecureRandom(), this.clock), "xta-test");
	}

	private static Submission submission(MessageId id, Caller author) {
		MessageMetadata metadata = new MessageMetadata(id, author.party(), OTHER.party(), TestTenants.SERVICE, "test",
				new MetadataDocument("test", "<md/>".getBytes(StandardCharsets.UTF_8)));
		return new Submission(metadata, ContentKind.PLAIN, List.of(new NewPart(PartRole.MESSAGE, PartAttributes.none(),
				new ByteArrayInputStream("Antrag".getBytes(StandardCharsets.UTF_8)))));
	}

	private static XtaError refusal(Runnable call) {
		try {
			call.run();
		}
		catch (XtaFailure failure) {
			return failure.error();
		}
		throw new AssertionError("not refused");
	}

	private long count(String table) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
	}

	private long auditedOk(String action) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND outcome = 'OK'",
				Long.class, action);
	}
}
