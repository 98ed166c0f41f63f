package org.xtaserver.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.Tls;
import org.xtaserver.tests.support.XtaPort;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.tests.support.XtaServerExtension;

/**
 * Mutual TLS is mandatory and only the configured CA counts: a client certificate from an unknown
 * CA is refused in the TLS handshake, before any SOAP processing, even when it copies the issuer
 * and subject names of a registered demo client. The server certificate is trusted in every case,
 * so a failure can only come from the client side.
 */
@ExtendWith(XtaServerExtension.class)
class UnknownClientCertificateTest {

	static XtaServer server;

	static URI wsdl;

	@BeforeAll
	static void serverIsUp(XtaServer running) {
		server = running;
		wsdl = URI.create(server.address(XtaPort.MANAGEMENT) + "?wsdl");
	}

	@Test
	void aDemoClientCertificateIsAccepted() throws Exception {
		HttpResponse<String> response = get(Tls.keyManagers(server.identity(0)));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("definitions");
	}

	@Test
	void aClientCertificateFromAnUnknownCaIsRefusedInTheTlsHandshake() throws Exception {
		DemoIdentity demo = server.identity(0);
		KeyManager[] rogue = rogueKeyManagers(subjectOf(demo), subjectOfCa());

		Throwable refused = catchThrowable(() -> get(rogue));

		assertRefusedInTls(refused);
	}

	@Test
	void aConnectionWithoutClientCertificateIsRefusedInTheTlsHandshake() {
		Throwable refused = catchThrowable(() -> get(null));

		assertRefusedInTls(refused);
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

	private static HttpResponse<String> get(KeyManager[] keyManagers) throws Exception {
		SSLContext context = Tls.context(keyManagers, Tls.trustManagers(server.caCertificate()));
		HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
		HttpRequest request = HttpRequest.newBuilder(wsdl).timeout(Duration.ofSeconds(30)).build();
		try {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			// keep the whole chain: the IOException of HttpClient wraps the SSL problem
			throw new IOException("request to " + wsdl + " failed", ex);
		}
	}

	private static X500Name subjectOf(DemoIdentity identity) throws Exception {
		try (InputStream in = Files.newInputStream(identity.certificate())) {
			X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(in);
			return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
		}
	}

	private static X500Name subjectOfCa() throws Exception {
		try (InputStream in = Files.newInputStream(server.caCertificate())) {
			X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(in);
			return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
		}
	}

	/** A throwaway CA named like the demo CA, and a client certificate named like a demo client. */
	private static KeyManager[] rogueKeyManagers(X500Name clientName, X500Name caName) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		KeyPair caKeys = generator.generateKeyPair();
		KeyPair clientKeys = generator.generateKeyPair();
		Date from = Date.from(Instant.now().minus(Duration.ofHours(1)));
		Date until = Date.from(Instant.now().plus(Duration.ofDays(1)));
		JcaContentSignerBuilder signer = new JcaContentSignerBuilder("SHA256withECDSA");

		X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, BigInteger.valueOf(4711), from, until,
				caName, caKeys.getPublic())
			.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
			.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
		X509Certificate caCertificate = new JcaX509CertificateConverter()
			.getCertificate(ca.build(signer.build(caKeys.getPrivate())));

		X509v3CertificateBuilder client = new JcaX509v3CertificateBuilder(caName, BigInteger.valueOf(4712), from,
				until, clientName, clientKeys.getPublic())
			.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
			.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
			.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
		X509Certificate clientCertificate = new JcaX509CertificateConverter()
			.getCertificate(client.build(signer.build(caKeys.getPrivate())));

		char[] password = "rogue".toCharArray();
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("rogue-client", clientKeys.getPrivate(), password,
				new Certificate[] { clientCertificate, caCertificate });
		return Tls.keyManagers(store, password);
	}
}
