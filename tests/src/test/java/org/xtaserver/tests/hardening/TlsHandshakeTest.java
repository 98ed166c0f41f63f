package org.xtaserver.tests.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xtaserver.tenant.pki.CertificateAuthority;
import org.xtaserver.tenant.pki.IssuedCertificate;
import org.xtaserver.tenant.pki.Pem;
import org.xtaserver.tenant.pki.Validity;
import org.xtaserver.tests.support.RawSoap;
import org.xtaserver.tests.support.Tls;
import org.xtaserver.tests.support.XtaPort;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.tests.support.XtaServerExtension;

/**
 * TLS is 1.2 or 1.3 with strong (AEAD, forward-secret) ciphers only, and client certificates must
 * be issued by the configured CA and valid now. Protocol and cipher checks send a hand-made
 * ClientHello, so that the JDK client's own restrictions cannot make them pass; certificate checks
 * use certificates the test issues with the demo CA's key.
 */
@ExtendWith(XtaServerExtension.class)
class TlsHandshakeTest {

	static final int TLS_1_1 = 0x0302;

	static final int TLS_1_2 = 0x0303;

	static final int ALERT = 0x15;

	static final int HANDSHAKE = 0x16;

	static XtaServer server;

	static CertificateAuthority demoCa;

	@BeforeAll
	static void demoCa(XtaServer running) throws Exception {
		server = running;
		demoCa = new CertificateAuthority(Pem.readCertificate(server.caCertificate()),
				Pem.readPrivateKey(server.demoDirectory().resolve("ca.key")));
	}

	@Test
	void aStrongTls12HelloGetsAServerHello() throws Exception {
		Answer answer = hello(TLS_1_2, 0xc02f, 0xc030, 0x1301);

		assertThat(answer.recordType()).as("record type of the answer (%s)", answer).isEqualTo(HANDSHAKE);
		assertThat(answer.firstByte()).as("handshake type (2 = ServerHello)").isEqualTo(2);
	}

	@Test
	void aTls11HelloIsRefused() throws Exception {
		Answer answer = hello(TLS_1_1, 0xc013, 0xc014, 0x002f, 0x0035);

		assertRefused(answer);
	}

	@Test
	void aTls12HelloWithOnlyWeakCiphersIsRefused() throws Exception {
		// CBC (SHA-1 and SHA-256), RSA key exchange without forward secrecy, finite-field DHE, 3DES
		Answer answer = hello(TLS_1_2, 0xc013, 0xc014, 0xc027, 0x002f, 0x0035, 0x009c, 0x009e, 0x000a);

		assertRefused(answer);
	}

	@Test
	void anExpiredClientCertificateOfTheDemoCaIsRefusedInTheHandshake() throws Exception {
		Instant now = Instant.now();
		KeyManager[] expired = keyManagers(demoCa.issueClientCertificate("CN=expired-client,O=XTA Server Demo,C=DE",
				Validity.between(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)))));

		assertRefusedInTls(catchThrowable(() -> getWsdl(expired)));
	}

	@Test
	void aNotYetValidClientCertificateOfTheDemoCaIsRefusedInTheHandshake() throws Exception {
		Instant now = Instant.now();
		KeyManager[] future = keyManagers(demoCa.issueClientCertificate("CN=future-client,O=XTA Server Demo,C=DE",
				Validity.between(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)))));

		assertRefusedInTls(catchThrowable(() -> getWsdl(future)));
	}

	@Test
	void aValidButUnregisteredCertificateOfTheDemoCaPassesTlsAndIsDeniedInSoap() throws Exception {
		Instant now = Instant.now();
		KeyManager[] valid = keyManagers(demoCa.issueClientCertificate("CN=unregistered-client,O=XTA Server Demo,C=DE",
				Validity.between(now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(1)))));

		assertThat(getWsdl(valid).statusCode()).as("?wsdl with a valid certificate").isEqualTo(200);
		RawSoap.Response response = new RawSoap(server, valid).post(XtaPort.MANAGEMENT,
				RawSoap.soap12("http://www.xta.de/XTA/CheckAccountActive"),
				RawSoap.envelope("CheckAccountActive", XtaPort.MANAGEMENT, server.identity(0).party().value(), "")
					.getBytes(StandardCharsets.UTF_8));
		assertThat(response.faultDetail()).as("%s", response).isEqualTo("PermissionDeniedException");
	}

	private static void assertRefused(Answer answer) {
		assertThat(answer.recordType()).as("answer to the ClientHello (%s): an alert or a closed connection", answer)
			.isIn(ALERT, -1);
	}

	private static void assertRefusedInTls(Throwable refused) {
		assertThat(refused).as("outcome of the request (expected: no HTTP response at all)").isNotNull();
		List<Throwable> chain = new ArrayList<>();
		for (Throwable t = refused; t != null && !chain.contains(t); t = t.getCause()) {
			chain.add(t);
		}
		assertThat(chain).as("the failure and its causes (expected a TLS failure): %s", chain)
			.hasAtLeastOneElementOfType(SSLException.class);
	}

	private static HttpResponse<String> getWsdl(KeyManager[] keyManagers) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.sslContext(Tls.context(keyManagers, Tls.trustManagers(server.caCertificate())))
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		URI wsdl = URI.create(server.address(XtaPort.MANAGEMENT) + "?wsdl");
		try {
			return client.send(HttpRequest.newBuilder(wsdl).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IOException("request to " + wsdl + " failed", ex);
		}
	}

	private static KeyManager[] keyManagers(IssuedCertificate issued) throws Exception {
		char[] password = "test".toCharArray();
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("client", issued.privateKey(), password, issued.chain().toArray(Certificate[]::new));
		return Tls.keyManagers(store, password);
	}

	/** The first record the server sends back: its type and first payload byte (-1 if it closed). */
	record Answer(int recordType, int firstByte, int secondByte) {
	}

	/** Sends a ClientHello offering {@code version} and {@code ciphers}; reads the first answer record. */
	private static Answer hello(int version, int... ciphers) throws IOException {
		try (Socket socket = new Socket("localhost", server.httpsPort())) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(clientHello(version, ciphers));
			socket.getOutputStream().flush();
			DataInputStream in = new DataInputStream(socket.getInputStream());
			try {
				int type = in.readUnsignedByte();
				in.readUnsignedShort();
				in.readUnsignedShort();
				return new Answer(type, in.readUnsignedByte(), in.readUnsignedByte());
			}
			catch (EOFException | java.net.SocketException ex) {
				return new Answer(-1, -1, -1);
			}
		}
	}

	private static byte[] clientHello(int version, int... ciphers) {
		ByteArrayOutputStream extensions = new ByteArrayOutputStream();
		// supported_groups: x25519, secp256r1, secp384r1
		extension(extensions, 0x000a, new byte[] { 0, 6, 0, 0x1d, 0, 0x17, 0, 0x18 });
		// ec_point_formats: uncompressed
		extension(extensions, 0x000b, new byte[] { 1, 0 });
		// signature_algorithms: rsa_pss_rsae_sha256/384/512, rsa_pkcs1_sha256/384/512, ecdsa_sha256/384
		extension(extensions, 0x000d, new byte[] { 0, 16, 8, 4, 8, 5, 8, 6, 4, 1, 5, 1, 6, 1, 4, 3, 5, 3 });

		ByteArrayOutputStream hello = new ByteArrayOutputStream();
		short16(hello, version);
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		hello.writeBytes(random);
		hello.write(0); // no session id
		short16(hello, ciphers.length * 2);
		for (int cipher : ciphers) {
			short16(hello, cipher);
		}
		hello.write(1); // one compression method: null
		hello.write(0);
		short16(hello, extensions.size());
		hello.writeBytes(extensions.toByteArray());

		ByteArrayOutputStream record = new ByteArrayOutputStream();
		record.write(HANDSHAKE);
		short16(record, 0x0301);
		short16(record, hello.size() + 4);
		record.write(1); // client_hello
		record.write(0);
		short16(record, hello.size());
		record.writeBytes(hello.toByteArray());
		return record.toByteArray();
	}

	private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
		short16(out, type);
		short16(out, data.length);
		out.writeBytes(data);
	}

	private static void short16(ByteArrayOutputStream out, int value) {
		out.write((value >> 8) & 0xff);
		out.write(value & 0xff);
	}
}
