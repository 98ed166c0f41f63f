package org.xtaserver.tests.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xtaserver.tests.support.Actuator;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
import org.xtaserver.tests.support.Tls;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaPort;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.tests.support.XtaServerExtension;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.ParameterIsNotValidException;
import org.xtaserver.wsdl.v3.SendPortType;

/**
 * Size limits and slow clients, on a server with small limits and short timeouts: 2 MiB per
 * message, 1 MiB per MTOM part, a 2 s connection timeout, and a minimum upload rate of 1 KiB/s
 * after 2 s. Oversized messages get a fault; a client that stalls or trickles its request is cut
 * off; the server keeps serving.
 */
class SizeAndSlowClientLimitsTest {

	@RegisterExtension
	static final XtaServerExtension SERVER = XtaServerExtension.dedicated("hardening-limits")
		.jvmArgs("-Xmx384m")
		.args("--xta.server.max-message-bytes=2097152", "--xta.soap.attachment-max-size=1048576",
				"--server.tomcat.connection-timeout=2s", "--xta.soap.slow-request.grace-period=2s",
				"--xta.soap.slow-request.min-rate=1024");

	static XtaServer server;

	static DemoIdentity author;

	static DemoIdentity reader;

	static ManagementPortType management;

	static SendPortType send;

	static String service;

	@BeforeAll
	static void clients() {
		server = SERVER.server();
		author = server.identity(0);
		reader = server.identity(1);
		service = DemoTenants.serviceOf(server, reader.party());
		XtaClients clients = XtaClients.of(server);
		management = clients.management(author);
		send = clients.send(author);
	}

	@AfterEach
	void theServerStillServes() throws Exception {
		management.checkAccountActive(V3.party(author));
		assertThat(Actuator.ready(server)).isTrue();
	}

	@Test
	void aMessageAboveMaxMessageBytesIsRefusedWithSizeLimitCode() throws Exception {
		String id = management.createMessageId(V3.party(author)).getValue();
		byte[] part = new byte[900 * 1024];

		// each part is below the 1 MiB part limit, together they are above the 2 MiB message limit
		Throwable thrown = catchThrowable(() -> send.sendMessage(
				V3.container(V3.content(part, "application/octet-stream", "a.bin"),
						V3.content(part, "application/octet-stream", "b.bin"),
						V3.content(part, "application/octet-stream", "c.bin")),
				V3.metadata(id, author, reader, service), null));

		assertThat(thrown).isInstanceOf(ParameterIsNotValidException.class);
		assertThat(((ParameterIsNotValidException) thrown).getFaultInfo().getErrorCode().getCode()).isEqualTo("9023");
	}

	@Test
	void anMtomPartAboveTheAttachmentLimitIsRefused() throws Exception {
		String id = management.createMessageId(V3.party(author)).getValue();
		byte[] content = new byte[1536 * 1024];

		Throwable thrown = catchThrowable(() -> send.sendMessage(
				V3.container(V3.content(new byte[] { 1 }, "application/octet-stream", "small.bin"),
						V3.content(content, "application/octet-stream", "big.bin")),
				V3.metadata(id, author, reader, service), null));

		assertThat(thrown).as("outcome of a 1.5 MiB part").isInstanceOf(ParameterIsNotValidException.class);
		assertThat(((ParameterIsNotValidException) thrown).getFaultInfo().getErrorCode().getCode()).isEqualTo("9023");
		assertThat(V3.listedIds(XtaClients.of(server).msgBox(reader), reader)).doesNotContain(id);
	}

	@Test
	void aClientThatStallsIsCutOffAfterTheConnectionTimeout() throws Exception {
		try (SSLSocket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			out.write(requestHead(100_000));
			out.write("<s:Envelope".getBytes(StandardCharsets.US_ASCII));
			out.flush();

			long started = System.nanoTime();
			String answer = readUntilClosed(socket.getInputStream(), Duration.ofSeconds(30));
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(took).as("time until the server closed the stalled connection (answer: %s)", answer)
				.isLessThan(Duration.ofSeconds(15));
		}
	}

	@Test
	void aClientTricklingItsBodyIsCutOffOnceBelowTheMinimumRate() throws Exception {
		try (SSLSocket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			out.write(requestHead(100_000));
			out.flush();
			long started = System.nanoTime();
			boolean cutOff = false;
			// one byte every 300 ms: never idle for the 2 s connection timeout, but far below 1 KiB/s
			for (int i = 0; i < 100 && !cutOff; i++) {
				try {
					out.write(' ');
					out.flush();
					Thread.sleep(300);
				}
				catch (IOException ex) {
					cutOff = true;
				}
				if (!cutOff && socket.getInputStream().available() > 0) {
					cutOff = true;
				}
			}
			Duration took = Duration.ofNanos(System.nanoTime() - started);

			assertThat(cutOff).as("connection cut off while trickling (after %s)", took).isTrue();
			assertThat(took).isLessThan(Duration.ofSeconds(20));
		}
	}

	private static SSLSocket connect() throws IOException {
		SSLSocket socket = (SSLSocket) Tls
			.context(Tls.keyManagers(author), Tls.trustManagers(server.caCertificate()))
			.getSocketFactory()
			.createSocket("localhost", server.httpsPort());
		socket.setSoTimeout(30_000);
		socket.startHandshake();
		return socket;
	}

	private static byte[] requestHead(int contentLength) {
		return ("POST " + XtaPort.MANAGEMENT.path() + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/soap+xml; charset=utf-8\r\nContent-Length: " + contentLength + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** Reads whatever the server sends until it closes the connection (or the time is up). */
	private static String readUntilClosed(InputStream in, Duration max) {
		long deadline = System.nanoTime() + max.toNanos();
		byte[] buffer = new byte[4096];
		StringBuilder text = new StringBuilder();
		try {
			while (System.nanoTime() < deadline) {
				int n = in.read(buffer);
				if (n < 0) {
					break;
				}
				text.append(new String(Arrays.copyOf(buffer, n), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			text.append("[").append(ex).append("]");
		}
		return text.toString();
	}
}
