package org.xtaserver.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.xtaserver.message.MessageId;
import org.xtaserver.security.Caller;
import org.xtaserver.store.DelegatingMessageStore;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantId;

/** createMessageId writes the reservation and its audit entry in one transaction. */
class ManagementServiceTests {

	private static final Caller CALLER = new Caller(TenantId.of("musterstadt"),
			PartyId.of("xoev", "demo:musterstadt:sozialamt"), "fachverfahren", "ab12");

	/** What happened, in order, each step marked with the transaction it ran in (0: none). */
	private final List<String> steps = new ArrayList<>();

	private final RecordingTransactions tx = new RecordingTransactions();

	private final AuditTrail trail = new AuditTrail() {
		@Override
		public void record(AuditEvent event) {
			ManagementServiceTests.this.steps.add("audit " + event.action() + " in tx " + ManagementServiceTests.this.tx.current);
		}

		@Override
		public List<AuditEvent> query(String tenantId, String messageId, int limit) {
			return List.of();
		}
	};

	@Test
	void reservationAndAuditEntryShareOneTransaction() {
		ManagementService service = service((id) -> this.steps.add("reserve in tx " + this.tx.current));

		MessageId id = service.createMessageId(CALLER);

		assertThat(id.value()).isNotBlank();
		assertThat(this.steps).containsExactly("reserve in tx 1", "audit " + AuditAction.CREATE_MESSAGE_ID + " in tx 1");
		assertThat(this.tx.committed).containsExactly(1);
	}

	@Test
	void aFailedReservationLeavesNoAuditEntryOfSuccess() {
		ManagementService service = service((id) -> {
			throw new IllegalStateException("database away");
		});

		assertThatThrownBy(() -> service.createMessageId(CALLER)).hasMessage("database away");
		assertThat(this.steps).isEmpty();
		assertThat(this.tx.committed).isEmpty();
	}

	private ManagementService service(Consumer<MessageId> reserve) {
		DelegatingMessageStore store = new DelegatingMessageStore(null) {
			@Override
			public void reserve(MessageId id, TenantId tenant, PartyId author, Instant at) {
				reserve.accept(id);
			}
		};
		Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
		XtaServerProperties properties = new XtaServerProperties("xta-test", 1024, 10, Duration.ofMinutes(5),
				1024);
		return new ManagementService(store, null, properties, clock, new Auditor(this.trail, clock), this.tx);
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
