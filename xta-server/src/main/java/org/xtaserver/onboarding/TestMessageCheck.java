package org.xtaserver.onboarding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.xtaserver.message.MessageId;
import org.xtaserver.message.XtaFailure;
import org.xtaserver.security.Caller;
import org.xtaserver.tenant.ClientAccess;
import org.xtaserver.tenant.Postbox;
import org.xtaserver.tenant.Tenant;

/**
 * Sends a clearly marked test message (subject {@value #SUBJECT}, a few bytes of text) into each
 * postbox of the tenant as its specialist procedure would, fetches it back, compares the bytes and
 * closes it, so it is never offered to the procedure.
 */
final class TestMessageCheck {

	static final String AREA = "test-message";

	static final String SUBJECT = "XTA-Abnahmetest";

	/** Service used when the postbox lists none (the postbox check warns about that already). */
	static final String FALLBACK_SERVICE = "urn:xta-server:onboarding-check";

	/** Client name prefix in the audit trail, so the test message is never taken for the procedure's own. */
	static final String AUDIT_CLIENT_PREFIX = "onboarding-check:";

	private final Clock clock;

	private final MessagePath path;

	private final String skipReason;

	private TestMessageCheck(Clock clock, MessagePath path, String skipReason) {
		this.clock = clock;
		this.path = path;
		this.skipReason = skipReason;
	}

	static TestMessageCheck through(Clock clock, MessagePath path) {
		return new TestMessageCheck(clock, path, null);
	}

	/** Reports every postbox's test message as skipped, with the reason. */
	static TestMessageCheck skipped(Clock clock, String reason) {
		return new TestMessageCheck(clock, null, reason);
	}

	List<CheckResult> check(Tenant tenant) {
		List<CheckResult> results = new ArrayList<>();
		for (Postbox postbox : tenant.postboxes()) {
			results.add(check(tenant, postbox));
		}
		return results;
	}

	private CheckResult check(Tenant tenant, Postbox postbox) {
		String subject = postbox.identifier().toString();
		if (this.path == null) {
			return result(subject, Outcome.SKIPPED, this.skipReason);
		}
		Optional<ClientAccess> client = tenant.clients()
			.stream()
			.filter((c) -> c.actAs().contains(postbox.identifier()))
			.findFirst();
		if (client.isEmpty()) {
			return result(subject, Outcome.FAIL, "no client may act for this postbox, so no procedure could send or fetch");
		}
		Caller caller = new Caller(tenant.id(), postbox.identifier(), AUDIT_CLIENT_PREFIX + client.get().name(), null);
		String service = postbox.services().isEmpty() ? FALLBACK_SERVICE : postbox.services().get(0).service();
		byte[] payload = (SUBJECT + " " + tenant.id() + " " + postbox.identifier() + " " + this.clock.instant() + " "
				+ UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
		long started = System.nanoTime();
		String step = "send";
		MessageId id = null;
		try {
			id = this.path.send(caller, postbox.identifier(), service, SUBJECT, payload);
			step = "fetch";
			byte[] fetched = this.path.fetch(caller, id);
			if (!Arrays.equals(payload, fetched)) {
				this.path.discard(caller, id);
				return result(subject, Outcome.FAIL, "fetched content differs from the sent content (sent " + payload.length
						+ " bytes, SHA-256 " + sha256(payload) + "; fetched " + fetched.length + " bytes, SHA-256 "
						+ sha256(fetched) + ")").with("messageId", id.value()).with("failedStep", "compare");
			}
			step = "close";
			this.path.close(caller, id);
			long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
			return result(subject, Outcome.PASS, "sent as client " + client.get().name() + ", fetched back byte for byte ("
					+ payload.length + " bytes) and closed in " + millis + " ms")
				.with("messageId", id.value())
				.with("service", service)
				.with("client", client.get().name())
				.with("payloadSha256", sha256(payload))
				.with("durationMs", millis);
		}
		catch (XtaFailure ex) {
			discard(caller, id);
			return result(subject, Outcome.FAIL, step + " failed with XTA error " + ex.error().code().number() + " "
					+ ex.error().name() + ": " + ex.getMessage()).with("messageId", id == null ? null : id.value())
				.with("failedStep", step);
		}
		catch (RuntimeException ex) {
			discard(caller, id);
			return result(subject, Outcome.FAIL, step + " failed: " + ex.getMessage())
				.with("messageId", id == null ? null : id.value())
				.with("failedStep", step);
		}
	}

	private void discard(Caller caller, MessageId id) {
		if (id != null) {
			this.path.discard(caller, id);
		}
	}

	private CheckResult result(String subject, Outcome outcome, String finding) {
		return CheckResult.of("testMessage.roundTrip", AREA, subject, outcome, finding, this.clock.instant());
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
