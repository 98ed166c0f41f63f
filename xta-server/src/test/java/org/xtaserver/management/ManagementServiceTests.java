package org.xtaserver.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.xtaserver.audit.AuditAction;
import org.xtaserver.audit.AuditEvent;
import org.xtaserver.audit.AuditTrail;
import org.xtaserver.audit.Auditor;
import org.xtaserver.config.XtaServerProperties;
import org.xtaserver.message.ContentKind;
import org.xtaserver.message.MessageId;
import org.xtaserver.message.MessageMetadata;
import org.xtaserver.message.MessageSource;
import org.xtaserver.message.MessageStatus;
import org.xtaserver.message.MetadataDocument;
import org.xtaserver.message.StoredMessage;
import org.xtaserver.message.XtaFailure;
import org.xtaserver.reservation.MessageIdReservations;
import org.xtaserver.security.Caller;
import org.xtaserver.store.DelegatingMessageStore;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantId;

/** cancel writes its change and its audit entry in one transaction; createMessageId only its audit entry. */
class ManagementServiceTests {

	private static final MessageId MESSAGE_ID = new MessageId("urn:de:xta:messageid:xta-test:1");

	private static final Caller CALLER = new Caller(TenantId.of("musterstadt"),
			PartyId.of("xoev", "demo:musterstadt:sozialamt"), "fachverfahren", "ab12");

	/** What happened, in order, each step marked with the transaction it ran in (0: none). */
	private final List<String> steps = new ArrayList<>();

	private final RecordingTransactions tx = new RecordingTransactions();

	/** Shared by the tests' services and the assertions, as replicas share their database's secret. */
	private final MessageIdReservations reservations = new MessageIdReservations((name, length) -> new byte[length],
			"xta-test");

	private boolean failAudit;

	private final AuditTrail trail = new AuditTrail() {
		/** Stores or throws, as {@link #record} would only log: the database is away when {@code failAudit}. */
		@Override
		public void recordOrFail(AuditEvent event) {
			if (ManagementServiceTests.this.failAudit) {
				throw new IllegalStateException("database away");
			}
			record(event);
		}

		@Override
		public void record(AuditEvent event) {
			ManagementServiceTests.this.steps
				.add("audit " + event.action() + " " + event.outcome() + " in tx " + ManagementServiceTests.this.tx.current);
		}

		@Override
		public List<AuditEvent> query(String tenantId, String messageId, int limit) {
			return List.of();
		}
	};

	@Test
	void createMessageIdWritesItsAuditEntryAloneOutsideAnyTransaction() {
		ManagementService service = service((id) -> this.steps.add("reserve row"));

		MessageId id = service.createMessageId(CALLER);

		assertThat(this.reservations.reservedFor(id, CALLER.party())).isTrue();
		assertThat(this.steps).containsExactly("audit " + AuditAction.CREATE_MESSAGE_ID + " " + AuditEvent.OK + " in tx 0");
		assertThat(this.tx.started).isZero();
	}

	@Test
	void anIdWhoseAuditEntryFailedIsNotHandedOut() {
		this.failAudit = true;
		ManagementService service = service((id) -> this.steps.add("reserve row"));

		assertThatThrownBy(() -> service.createMessageId(CALLER)).hasMessage("database away");
		assertThat(this.steps).isEmpty();
	}

	@Test
	void cancellationAndAuditEntryShareOneTransaction() {
		ManagementService service = service(cancellable(true));

		service.cancel(CALLER, MESSAGE_ID);

		assertThat(this.steps).containsExactly("cancel in tx 1", "audit " + AuditAction.CANCEL + " " + AuditEvent.OK + " in tx 1");
		assertThat(this.tx.committed).containsExactly(1);
	}

	@Test
	void aRefusedCancellationIsAuditedAsDeniedOutsideItsTransaction() {
		ManagementService service = service(cancellable(false));

		assertThatThrownBy(() -> service.cancel(CALLER, MESSAGE_ID)).isInstanceOf(XtaFailure.class);
		assertThat(this.steps).containsExactly("cancel in tx 1",
				"audit " + AuditAction.CANCEL + " " + AuditEvent.DENIED + " in tx 0");
	}

	private ManagementService service(Consumer<MessageId> reserve) {
		return service(new DelegatingMessageStore(null) {
			@Override
			public void reserve(MessageId id, TenantId tenant, PartyId author, Instant at) {
				reserve.accept(id);
			}
		});
	}

	/** A store holding one message of the caller, still in the reader's postbox; cancel answers {@code result}. */
	private DelegatingMessageStore cancellable(boolean result) {
		StoredMessage message = new StoredMessage(1, new MessageMetadata(MESSAGE_ID, CALLER.party(),
				PartyId.of("xoev", "demo:beispielhausen:sozialamt"), "urn:test:service", null,
				new MetadataDocument("xta-v3", new byte[0])), MessageSource.XTA, CALLER.tenant(),
				TenantId.of("beispielhausen"), ContentKind.PLAIN, 0, List.of(), MessageStatus.IN_POSTBOX, null, null, null,
				null, null);
		return new DelegatingMessageStore(null) {
			@Override
			public Optional<StoredMessage> find(MessageId id) {
				return Optional.of(message).filter((m) -> m.id().equals(id));
			}

			@Override
			public boolean cancel(StoredMessage m, Instant at) {
				ManagementServiceTests.this.steps.add("cancel in tx " + ManagementServiceTests.this.tx.current);
				return result;
			}
		};
	}

	private ManagementService service(DelegatingMessageStore store) {
		Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
		XtaServerProperties properties = new XtaServerProperties("xta-test", 1024, 10, Duration.ofMinutes(5),
				1024);
		return new ManagementService(store, null, properties, clock, new Auditor(this.trail, clock), this.tx,
				this.reservations);
	}

	/** Numbers its transactions and remembers which ones committed (the callback returned). */
	static final class RecordingTransactions implements TransactionOperations {

		int current;

		int started;

		final List<Integer> committed = new ArrayList<>();

		@Override
		public <T> T execute(TransactionCallback<T> action) {
			this.current = ++this.started;
			try {
				TransactionStatus status = new SimpleTransactionStatus(true);
				T result = action.doInTransaction(status);
				this.committed.add(this.current);
				return result;
			}
			finally {
				this.current = 0;
			}
		}
	}
}
