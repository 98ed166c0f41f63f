package org.xtaserver.msgbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xtaserver.audit.AuditAction;
import org.xtaserver.audit.AuditEvent;
import org.xtaserver.audit.AuditTrail;
import org.xtaserver.audit.Auditor;
import org.xtaserver.audit.JdbcAuditTrail;
import org.xtaserver.config.XtaServerProperties;
import org.xtaserver.message.ContentKind;
import org.xtaserver.message.MessageId;
import org.xtaserver.message.MessageMetadata;
import org.xtaserver.message.MessageSource;
import org.xtaserver.message.MessageStatus;
import org.xtaserver.message.MetadataDocument;
import org.xtaserver.message.NewMessage;
import org.xtaserver.message.NewPart;
import org.xtaserver.message.PartAttributes;
import org.xtaserver.message.PartRole;
import org.xtaserver.message.StoredMessage;
import org.xtaserver.message.XtaError;
import org.xtaserver.message.XtaFailure;
import org.xtaserver.metrics.MessageMetrics;
import org.xtaserver.msgbox.MsgBoxService.FetchResult;
import org.xtaserver.msgbox.MsgBoxService.RequestState;
import org.xtaserver.msgbox.MsgBoxService.Selection;
import org.xtaserver.msgbox.MsgBoxService.StatusPage;
import org.xtaserver.security.Caller;
import org.xtaserver.store.embedded.MariaDbExtension;
import org.xtaserver.store.jdbc.JdbcMessageStore;
import org.xtaserver.store.jdbc.JdbcMsgBoxRequestStore;
import org.xtaserver.tenancy.TestTenants;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantId;
import org.xtaserver.tenant.TenantRegistry;

/**
 * MsgBoxRequestIDs on a real database: a listing or fetch with more to come is stored and continues;
 * one answered in full is not stored, and its id still answers getNext* as a request at its end.
 */
class MsgBoxServiceTests {

	@RegisterExtension
	static final MariaDbExtension mariaDb = new MariaDbExtension();

	private static final Duration TTL = Duration.ofMinutes(30);

	private static final Caller READER = new Caller(new TenantId("musterstadt"),
			PartyId.of("xoev", "demo:musterstadt:sozialamt"), "musterstadt-fachverfahren", "ab12");

	private static final Caller OTHER = new Caller(new TenantId("beispielhausen"),
			PartyId.of("xoev", "demo:beispielhausen:sozialamt"), "beispielhausen-fachverfahren", "cd34");

	private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-30T08:00:00Z"));

	private JdbcTemplate jdbc;

	private JdbcMessageStore store;

	private MsgBoxService service;

	private TenantRegistry registry;

	private TransactionTemplate tx;

	@BeforeEach
	void setUp(@TempDir Path tenants) throws Exception {
		mariaDb.truncateAll();
		TenantRegistry registry = TestTenants.registry(tenants, this.clock, READER, OTHER);
		this.jdbc = new JdbcTemplate(mariaDb.dataSource());
		TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(mariaDb.dataSource()));
		this.store = new JdbcMessageStore(this.jdbc, tx, 1024);
		this.registry = registry;
		this.tx = tx;
		this.service = service(new JdbcAuditTrail(this.jdbc));
	}

	private MsgBoxService service(AuditTrail trail) {
		return new MsgBoxService(this.store, new JdbcMsgBoxRequestStore(this.jdbc), this.registry,
				new XtaServerProperties("xta-test", 1024 * 1024, 500, TTL, 1024), this.clock, new Auditor(trail, this.clock),
				new MessageMetrics(new SimpleMeterRegistry()), this.tx);
	}

	@Test
	void aListingWithMoreToComeIsStoredAndContinues() {
		List<MessageId> ids = List.of(deliver(), deliver(), deliver());

		StatusPage first = this.service.statusList(READER, Selection.any(), 2, null);
		StatusPage next = this.service.nextStatusList(READER, first.requestId());

		assertThat(first.messages()).extracting(StoredMessage::id).containsExactly(ids.get(0), ids.get(1));
		assertThat(first.remaining()).isEqualTo(1);
		assertThat(storedRequests()).isEqualTo(1);
		assertThat(next.state()).isEqualTo(RequestState.VALID);
		assertThat(next.messages()).extracting(StoredMessage::id).containsExactly(ids.get(2));
	}

	@Test
	void aListingAnsweredInFullStoresNothingAndEndsThere() {
		List<MessageId> ids = List.of(deliver(), deliver());

		StatusPage first = this.service.statusList(READER, Selection.any(), 10, null);
		deliver();
		StatusPage next = this.service.nextStatusList(READER, first.requestId());

		assertThat(first.messages()).extracting(StoredMessage::id).containsExactlyElementsOf(ids);
		assertThat(first.remaining()).isZero();
		assertThat(first.requestId()).startsWith(MsgBoxService.REQUEST_ID_PREFIX);
		assertThat(storedRequests()).as("msgbox_request rows").isZero();
		// ItemsPending 0 was the answer: the message that arrived since waits for the next listing.
		assertThat(next.state()).isEqualTo(RequestState.VALID);
		assertThat(next.messages()).isEmpty();
		assertThat(audited(AuditAction.LIST, AuditEvent.OK)).isEqualTo(2);
		assertThat(this.service.statusList(READER, Selection.any(), 10, null).messages()).hasSize(3);
	}

	@Test
	void aListingAnsweredInFullIsNotAnsweredWithoutItsAuditEntry() {
		deliver();
		MsgBoxService auditAway = service(new AuditTrail() {
			@Override
			public void record(AuditEvent event) {
				// As JdbcAuditTrail: a failure is only logged.
			}

			@Override
			public void recordOrFail(AuditEvent event) {
				throw new IllegalStateException("database away");
			}

			@Override
			public List<AuditEvent> query(String tenantId, String messageId, int limit) {
				return List.of();
			}
		});

		assertThatThrownBy(() -> auditAway.statusList(READER, Selection.any(), 10, null)).hasMessage("database away");
	}

	@Test
	void getMessageOfOneIdStoresNothingAndGetNextMessageClosesWhatItWasGiven() {
		MessageId id = deliver();

		FetchResult fetched = this.service.fetch(READER, new Selection(List.of(id), null, null, null));
		FetchResult next = this.service.fetchNext(READER, fetched.requestId(), List.of(id));

		assertThat(fetched.message()).map(StoredMessage::status).contains(MessageStatus.FETCHED);
		long contentId = fetched.message().orElseThrow().parts().get(0).contentId();
		assertThat(fetched.contents()).as("small content read with the message").containsOnlyKeys(contentId);
		assertThat(new String(fetched.contents().get(contentId), StandardCharsets.UTF_8)).isEqualTo("Antrag");
		assertThat(storedRequests()).as("msgbox_request rows").isZero();
		assertThat(next.message()).isEmpty();
		assertThat(next.requestId()).isEqualTo(fetched.requestId());
		assertThat(this.store.find(id)).map(StoredMessage::status).contains(MessageStatus.CLOSED);
	}

	@Test
	void anotherPostboxsCompleteRequestIdIsRefusedAndAudited() {
		deliver();
		String requestId = this.service.statusList(READER, Selection.any(), 10, null).requestId();

		assertThatThrownBy(() -> this.service.nextStatusList(OTHER, requestId)).isInstanceOfSatisfying(XtaFailure.class,
				(failure) -> assertThat(failure.error()).isEqualTo(XtaError.NOT_YOUR_POSTBOX));
		assertThatThrownBy(() -> this.service.fetchNext(OTHER, requestId, List.of()))
			.isInstanceOfSatisfying(XtaFailure.class,
					(failure) -> assertThat(failure.error()).isEqualTo(XtaError.NOT_YOUR_POSTBOX));
		assertThat(audited(AuditAction.LIST, AuditEvent.DENIED)).isEqualTo(1);
		assertThat(audited(AuditAction.FETCH, AuditEvent.DENIED)).isEqualTo(1);
	}

	@Test
	void aCompleteRequestIdExpiresAsAStoredOneDoes() {
		deliver();
		String requestId = this.service.statusList(READER, Selection.any(), 10, null).requestId();
		assertThat(this.service.nextStatusList(READER, requestId).state()).isEqualTo(RequestState.VALID);

		this.clock.advance(TTL);

		assertThat(this.service.nextStatusList(READER, requestId).state()).isEqualTo(RequestState.INVALID);
		assertThatThrownBy(() -> this.service.fetchNext(READER, requestId, List.of()))
			.isInstanceOfSatisfying(XtaFailure.class,
					(failure) -> assertThat(failure.error()).isEqualTo(XtaError.INVALID_PARAMETER));
	}

	@Test
	void aMalformedCompleteRequestIdIsUnknown() {
		for (String requestId : List.of(MsgBoxService.REQUEST_ID_PREFIX + "complete:",
				MsgBoxService.REQUEST_ID_PREFIX + "complete:soon:abc:def",
				MsgBoxService.REQUEST_ID_PREFIX + "complete:99999999999999999999:abc:def",
				MsgBoxService.REQUEST_ID_PREFIX + "complete:1:abc")) {
			assertThat(this.service.nextStatusList(READER, requestId).state()).as(requestId)
				.isEqualTo(RequestState.INVALID);
		}
	}

	/** A message of the other tenant into the reader's postbox; ids ascend with the store's keys. */
	private MessageId deliver() {
		MessageId id = MessageId.newUnique("test");
		MessageMetadata metadata = new MessageMetadata(id, OTHER.party(), READER.party(), TestTenants.SERVICE, "test",
				new MetadataDocument("test", "<md/>".getBytes(StandardCharsets.UTF_8)));
		NewPart part = new NewPart(PartRole.MESSAGE, PartAttributes.none(),
				new ByteArrayInputStream("Antrag".getBytes(StandardCharsets.UTF_8)));
		this.store.acceptUnreserved(new NewMessage(metadata, MessageSource.XTA, OTHER.tenant(), READER.tenant(),
				ContentKind.PLAIN, List.of(part)), this.clock.instant());
		return id;
	}

	private long storedRequests() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM msgbox_request", Long.class);
	}

	private long audited(AuditAction action, String outcome) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = ? AND outcome = ?", Long.class,
				action.name(), outcome);
	}

	/** A clock the test moves on. */
	private static final class SteppingClock extends Clock {

		private Instant now;

		SteppingClock(Instant start) {
			this.now = start;
		}

		void advance(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}
	}
}
