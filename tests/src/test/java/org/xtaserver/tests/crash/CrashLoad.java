package org.xtaserver.tests.crash;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.TestContent;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.MsgBoxPortType;
import org.xtaserver.wsdl.v3.SendPortType;

/**
 * Client load for the crash tests, tolerant of a server that goes away and comes back: senders
 * that remember every message they tried (by the id createMessageId gave them) and every one the
 * server acknowledged, and readers that list and fetch and compare what they get with what was
 * sent. Failures are counted by exception type, never thrown; a failed call drops the client
 * proxies (their connections may be dead) and pauses briefly before the next attempt, so a server
 * that is down is not hammered.
 */
final class CrashLoad {

	/** A message as the sender built it. */
	record Attempt(String messageId, String readerValue, byte[] message, byte[] attachment) {
	}

	private final XtaServer server;

	final Map<String, Attempt> attempted = new ConcurrentHashMap<>();

	final Map<String, Attempt> acknowledged = new ConcurrentHashMap<>();

	final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

	/** The first message of each kind of failure, for the report of a test that did not expect it. */
	final Map<String, String> firstFailureMessages = new ConcurrentHashMap<>();

	/** Content that came back different from what was sent (must stay empty). */
	final List<String> mismatches = Collections.synchronizedList(new ArrayList<>());

	final AtomicInteger fetched = new AtomicInteger();

	private volatile boolean stopped;

	CrashLoad(XtaServer server) {
		this.server = server;
	}

	void stop() {
		this.stopped = true;
	}

	/** Sends from {@code author} to {@code reader} until {@code done}; calls {@code afterAck} after each success. */
	void send(DemoIdentity author, DemoIdentity reader, String service, String marker, BooleanSupplier done,
			Runnable afterAck) {
		ManagementPortType management = null;
		SendPortType send = null;
		int n = 0;
		while (!this.stopped && !done.getAsBoolean()) {
			try {
				if (management == null) {
					XtaClients clients = XtaClients.of(this.server);
					management = clients.management(author);
					send = clients.send(author);
				}
				String id = management.createMessageId(V3.party(author)).getValue();
				String text = marker + "-" + (n++);
				Attempt attempt = new Attempt(id, reader.party().value(), TestContent.xmlPayload(text),
						TestContent.binaryPayload(text + "-" + System.nanoTime()));
				this.attempted.put(id, attempt);
				send.sendMessage(V3.container(V3.content(attempt.message(), "text/xml", "nachricht.xml"),
						V3.content(attempt.attachment(), "application/octet-stream", "anlage.bin")),
						V3.metadata(id, author, reader, service), null);
				this.acknowledged.put(id, attempt);
				afterAck.run();
			}
			catch (Exception ex) {
				failed(ex);
				management = null;
				send = null;
			}
		}
	}

	/** Lists {@code reader}'s postbox and fetches the newest entries, comparing them with what was sent. */
	void read(DemoIdentity reader) {
		MsgBoxPortType box = null;
		while (!this.stopped) {
			try {
				if (box == null) {
					box = XtaClients.of(this.server).msgBox(reader);
				}
				List<String> listed = V3.ids(box.getStatusList(V3.statusListRequest(100), V3.party(reader),
						new jakarta.xml.ws.Holder<>()));
				if (listed.isEmpty()) {
					pause();
				}
				for (String id : listed.subList(Math.max(0, listed.size() - 2), listed.size())) {
					V3.Fetched message = V3.fetch(box, reader, id);
					this.fetched.incrementAndGet();
					Attempt sent = this.attempted.get(id);
					if (sent != null) {
						byte[] part = message.message();
						List<byte[]> attachments = message.attachments();
						if (!(Arrays.equals(sent.message(), part) && attachments.size() == 1
								&& Arrays.equals(sent.attachment(), attachments.get(0)))) {
							this.mismatches.add(id + " fetched under load differs from what was sent: message part "
									+ (Arrays.equals(sent.message(), part) ? "equal" : "'" + text(part) + "' instead of '"
											+ text(sent.message()) + "'")
									+ ", " + attachments.size() + " attachment(s)" + (attachments.size() == 1
											? (Arrays.equals(sent.attachment(), attachments.get(0)) ? " equal"
													: " of " + attachments.get(0).length + " bytes instead of "
															+ sent.attachment().length)
											: ""));
						}
					}
				}
			}
			catch (Exception ex) {
				failed(ex);
				box = null;
			}
		}
	}

	private void failed(Exception ex) {
		this.failures.computeIfAbsent(ex.getClass().getSimpleName(), (k) -> new AtomicInteger()).incrementAndGet();
		this.firstFailureMessages.putIfAbsent(ex.getClass().getSimpleName(), String.valueOf(ex.getMessage()));
		pause();
	}

	/** Retry pacing while the server is away (not a synchronisation). */
	private static void pause() {
		LockSupport.parkNanos(500_000_000L);
	}

	/**
	 * Lowers CXF's client-side "Interceptor ... has thrown exception, unwinding now" warnings (one
	 * stack trace per refused call while the server is down) to nothing until closed.
	 */
	static AutoCloseable quietClientFailureLogs() {
		java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.apache.cxf.phase.PhaseInterceptorChain");
		java.util.logging.Level before = logger.getLevel();
		logger.setLevel(java.util.logging.Level.SEVERE);
		return () -> logger.setLevel(before);
	}

	/** Writes a run's figures next to the server log, for the benchmark's report. */
	static void summary(XtaServer server, String file, String text) {
		try {
			java.nio.file.Files.writeString(server.workingDirectory().resolve(file), text + "\n", StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}
}
