package org.xtaserver.tests.replicas;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.xtaserver.osci.crypto.Certificates;
import org.xtaserver.osci.message.ControlBlock;
import org.xtaserver.osci.message.InboundEnvelope;
import org.xtaserver.osci.message.MessageType;
import org.xtaserver.osci.simulator.OsciSimulator;

/**
 * Records, from the simulator's traffic hook, which OSCI dialog (conversation) each request
 * belonged to and for which tenant (by the fingerprint of the signature certificate the request
 * was signed with). A dialog spans from its first to its last request the intermediary processed;
 * the hook runs before the answer is sent, so a dialog's last request is recorded before the
 * client could release its lease. Two dialogs of one tenant whose spans overlap mean that two
 * instances fetched the tenant at the same time.
 */
final class OsciDialogLog {

	/** One processed request. */
	record Request(long order, Instant at, String tenant, String conversationId, MessageType type) {
	}

	/** A dialog: its tenant and the first and last of its requests. */
	record Dialog(String tenant, String conversationId, Request first, Request last) {

		boolean overlaps(Dialog other) {
			return this.first.order() < other.last.order() && other.first.order() < this.last.order();
		}
	}

	private final Map<String, String> tenantsByFingerprint;

	private final AtomicLong order = new AtomicLong();

	private final List<Request> requests = new ArrayList<>();

	private final List<String> problems = new ArrayList<>();

	/** @param tenantSignatureCertificates each tenant's OSCI certificate (it signs with it) */
	OsciDialogLog(Map<String, X509Certificate> tenantSignatureCertificates) {
		this.tenantsByFingerprint = new LinkedHashMap<>();
		tenantSignatureCertificates.forEach((tenant, cert) -> this.tenantsByFingerprint.put(Certificates.fingerprint(cert), tenant));
	}

	/** Installs this log as the simulator's traffic listener. */
	OsciDialogLog attachTo(OsciSimulator simulator) {
		simulator.engine().onTraffic(this::record);
		return this;
	}

	private void record(byte[] request, byte[] response) {
		if (request == null || response == null) {
			return;
		}
		try {
			InboundEnvelope in = InboundEnvelope.parse(request);
			InboundEnvelope out = InboundEnvelope.parse(response);
			X509Certificate signer = in.certificate("SignatureCertificateOriginator").orElse(null);
			ControlBlock block = out.controlBlock();
			if (signer == null || block == null || block.conversationId() == null) {
				return;
			}
			String tenant = this.tenantsByFingerprint.getOrDefault(Certificates.fingerprint(signer), "unknown");
			synchronized (this) {
				this.requests.add(new Request(this.order.incrementAndGet(), Instant.now(), tenant, block.conversationId(),
						in.type()));
			}
		}
		catch (RuntimeException ex) {
			synchronized (this) {
				this.problems.add(ex.toString());
			}
		}
	}

	synchronized List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/** Envelopes the log could not read (should stay empty). */
	synchronized List<String> problems() {
		return List.copyOf(this.problems);
	}

	/** Every dialog seen so far, in the order of their first request. */
	synchronized List<Dialog> dialogs() {
		Map<String, Dialog> byConversation = new LinkedHashMap<>();
		for (Request r : this.requests) {
			byConversation.merge(r.conversationId(), new Dialog(r.tenant(), r.conversationId(), r, r),
					(old, now) -> new Dialog(old.tenant(), old.conversationId(), old.first(), now.last()));
		}
		return List.copyOf(byConversation.values());
	}

	/** Pairs of dialogs of one tenant that were open at the same time. */
	List<String> overlappingDialogs() {
		List<Dialog> all = dialogs();
		List<String> overlaps = new ArrayList<>();
		for (int i = 0; i < all.size(); i++) {
			for (int j = i + 1; j < all.size(); j++) {
				Dialog a = all.get(i);
				Dialog b = all.get(j);
				if (a.tenant().equals(b.tenant()) && a.overlaps(b)) {
					overlaps.add(a + " overlaps " + b);
				}
			}
		}
		return overlaps;
	}

	/** The first dialog of {@code tenant} that began after {@code after}. */
	Optional<Dialog> firstDialogAfter(String tenant, Instant after) {
		return dialogs().stream()
			.filter((d) -> d.tenant().equals(tenant) && d.first().at().isAfter(after))
			.findFirst();
	}
}
