package org.xtaserver.tests.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
import org.xtaserver.tests.support.TestContent;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.MsgBoxPortType;
import org.xtaserver.wsdl.v3.SendPortType;

/**
 * The steady load of the soak: a few clients, each repeating the XTA round trip of
 * {@code MessageLifecycleTest} (createMessageId, sendMessage with a 10 KiB attachment,
 * getStatusList, getMessage, close) with a fixed pause after each round trip, so that the rate is
 * set by the clients and not by how fast the server can go. Half of the clients send from the
 * first demo identity to the second, the other half the other way round; every client has its own
 * CXF proxies. A round trip fails when a call fails, the message is not listed, or the content
 * fetched differs from the content sent.
 */
final class SoakLoad implements AutoCloseable {

	static final int CONTENT_BYTES = 10 * 1024;

	private static final int FAILURE_TEXTS_KEPT = 10;

	private final ScheduledExecutorService clients;

	private final AtomicLong completed = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final Queue<String> failureTexts = new ConcurrentLinkedQueue<>();

	/** Latencies (ns) of the successful round trips not yet drained. */
	private final Queue<Long> latencies = new ConcurrentLinkedQueue<>();

	private SoakLoad(int clients) {
		this.clients = Executors.newScheduledThreadPool(clients);
	}

	/** Starts {@code clients} clients against {@code server}, each pausing {@code pause} between round trips. */
	static SoakLoad start(XtaServer server, int clients, Duration pause) {
		SoakLoad load = new SoakLoad(clients);
		XtaClients factory = XtaClients.of(server);
		for (int i = 0; i < clients; i++) {
			DemoIdentity author = server.identity(i % 2);
			DemoIdentity reader = server.identity((i + 1) % 2);
			Client client = new Client(i, factory.management(author), factory.send(author), factory.msgBox(reader),
					author, reader, DemoTenants.serviceOf(server, reader.party()));
			load.clients.scheduleWithFixedDelay(() -> load.run(client), 0, pause.toMillis(), TimeUnit.MILLISECONDS);
		}
		return load;
	}

	long completed() {
		return this.completed.get();
	}

	long failed() {
		return this.failed.get();
	}

	/** The first failures, one line each. */
	List<String> failureTexts() {
		return List.copyOf(this.failureTexts);
	}

	/** Latencies (ns) of the round trips completed since the last call, oldest first. */
	long[] drainLatencies() {
		List<Long> drained = new ArrayList<>();
		Long latency;
		while ((latency = this.latencies.poll()) != null) {
			drained.add(latency);
		}
		return drained.stream().mapToLong(Long::longValue).toArray();
	}

	private void run(Client client) {
		long started = System.nanoTime();
		try {
			client.roundTrip();
			this.latencies.add(System.nanoTime() - started);
			this.completed.incrementAndGet();
		}
		catch (Exception | AssertionError ex) {
			// A failure is counted and reported, and the client goes on: the soak is about the trend.
			this.failed.incrementAndGet();
			if (this.failureTexts.size() < FAILURE_TEXTS_KEPT) {
				this.failureTexts.add("client " + client.number() + ": " + ex.getClass().getSimpleName() + ": "
						+ String.valueOf(ex.getMessage()).replaceAll("\\s+", " "));
			}
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.clients.shutdown();
		if (!this.clients.awaitTermination(2, TimeUnit.MINUTES)) {
			this.clients.shutdownNow();
		}
	}

	/** One client: its proxies and its own content generator. */
	private record Client(int number, ManagementPortType management, SendPortType send, MsgBoxPortType msgBox,
			DemoIdentity author, DemoIdentity reader, String service, SplittableRandom random) {

		Client(int number, ManagementPortType management, SendPortType send, MsgBoxPortType msgBox,
				DemoIdentity author, DemoIdentity reader, String service) {
			this(number, management, send, msgBox, author, reader, service, new SplittableRandom(number));
		}

		void roundTrip() throws Exception {
			byte[] message = TestContent.xmlPayload("soak-" + this.number);
			byte[] attachment = new byte[CONTENT_BYTES];
			// One client never runs twice at once (fixed-delay schedule), so its generator needs no lock.
			this.random.nextBytes(attachment);
			String id = this.management.createMessageId(V3.party(this.author)).getValue();
			this.send.sendMessage(V3.container(V3.content(message, "text/xml", "nachricht.xml"),
					V3.content(attachment, "application/octet-stream", "anlage.bin")),
					V3.metadata(id, this.author, this.reader, this.service), null);
			if (!V3.listedIds(this.msgBox, this.reader).contains(id)) {
				throw new IllegalStateException("message " + id + " not listed by getStatusList");
			}
			V3.Fetched fetched = V3.fetch(this.msgBox, this.reader, id);
			// Content streams can be read once: each is read here exactly once.
			List<byte[]> attachments = fetched.attachments();
			if (!Arrays.equals(fetched.message(), message) || attachments.size() != 1
					|| !Arrays.equals(attachments.get(0), attachment)) {
				throw new IllegalStateException("message " + id + " fetched with other content than sent");
			}
			this.msgBox.close(V3.closeRequest(fetched.response().getMsgBoxRequestID(), id), V3.party(this.reader));
		}
	}
}
