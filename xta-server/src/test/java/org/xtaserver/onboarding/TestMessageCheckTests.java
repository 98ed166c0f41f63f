package org.xtaserver.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xtaserver.message.MessageId;
import org.xtaserver.message.XtaError;
import org.xtaserver.security.Caller;
import org.xtaserver.tenant.PartyId;

class TestMessageCheckTests {

	private final Clock clock = Clock.systemUTC();

	@Test
	void aMessageComingBackByteForByteIsClosedAndPasses() {
		EchoPath path = new EchoPath();

		List<CheckResult> results = TestMessageCheck.through(this.clock, path).check(PostboxChecksTests.tenant());

		CheckResult sozialamt = results.get(0);
		assertThat(sozialamt.result()).as(sozialamt.finding()).isEqualTo(Outcome.PASS);
		assertThat(path.closed).containsExactly(path.sent.get(0));
		assertThat(path.subjects).containsOnly("XTA-Abnahmetest");
		assertThat(path.callers.get(0).clientName()).isEqualTo("onboarding-check:fachverfahren");
		assertThat(results.get(1).result()).as("Jugendamt has no client").isEqualTo(Outcome.FAIL);
	}

	@Test
	void aMessageComingBackChangedFailsAndIsTakenOutOfThePostbox() {
		EchoPath path = new EchoPath() {
			@Override
			public byte[] fetch(Caller caller, MessageId id) {
				byte[] bytes = super.fetch(caller, id);
				bytes[0] ^= 1;
				return bytes;
			}
		};

		CheckResult r = TestMessageCheck.through(this.clock, path).check(PostboxChecksTests.tenant()).get(0);

		assertThat(r.result()).isEqualTo(Outcome.FAIL);
		assertThat(r.finding()).contains("differs");
		assertThat(path.discarded).containsExactly(path.sent.get(0));
		assertThat(path.closed).isEmpty();
	}

	@Test
	void aRefusedSendFailsNamingTheStepAndTheXtaError() {
		EchoPath path = new EchoPath() {
			@Override
			public MessageId send(Caller caller, PartyId postbox, String service, String subject, byte[] payload) {
				throw XtaError.NOT_YOUR_POSTBOX.failure(postbox.toString());
			}
		};

		CheckResult r = TestMessageCheck.through(this.clock, path).check(PostboxChecksTests.tenant()).get(0);

		assertThat(r.result()).isEqualTo(Outcome.FAIL);
		assertThat(r.finding()).startsWith("send failed with XTA error").contains("NOT_YOUR_POSTBOX");
		assertThat(r.details()).containsEntry("failedStep", "send");
	}

	@Test
	void withoutARunningServerTheTestMessageIsSkippedWithTheReason() {
		List<CheckResult> results = TestMessageCheck.skipped(this.clock, "no server").check(PostboxChecksTests.tenant());

		assertThat(results).allSatisfy((r) -> {
			assertThat(r.result()).isEqualTo(Outcome.SKIPPED);
			assertThat(r.finding()).isEqualTo("no server");
		});
	}

	/** Keeps what was sent and gives it back. */
	static class EchoPath implements MessagePath {

		final List<MessageId> sent = new ArrayList<>();

		final List<byte[]> payloads = new ArrayList<>();

		final List<String> subjects = new ArrayList<>();

		final List<Caller> callers = new ArrayList<>();

		final List<MessageId> closed = new ArrayList<>();

		final List<MessageId> discarded = new ArrayList<>();

		@Override
		public MessageId send(Caller caller, PartyId postbox, String service, String subject, byte[] payload) {
			MessageId id = MessageId.newUnique("test");
			this.sent.add(id);
			this.payloads.add(payload.clone());
			this.subjects.add(subject);
			this.callers.add(caller);
			return id;
		}

		@Override
		public byte[] fetch(Caller caller, MessageId id) {
			return this.payloads.get(this.sent.indexOf(id)).clone();
		}

		@Override
		public void close(Caller caller, MessageId id) {
			this.closed.add(id);
		}

		@Override
		public void discard(Caller caller, MessageId id) {
			this.discarded.add(id);
		}
	}
}
