package org.xtaserver.tests.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.Map;

import jakarta.activation.DataHandler;
import jakarta.jws.WebService;
import jakarta.servlet.ServletConfig;
import jakarta.xml.ws.BindingType;
import jakarta.xml.ws.soap.SOAPBinding;

import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.cxf.attachment.ByteDataSource;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.ws.policy.PolicyEngine;
import org.apache.cxf.ws.policy.PolicyEngineImpl;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/**
 * The baseline of the round-trip benchmark, run in a JVM of its own: a bare CXF JAX-WS endpoint
 * that only echoes its payload, on the stack the XTA server uses (embedded Tomcat with the same
 * connector and TLS settings as application.yml, CXF servlet under {@code /services}, SOAP 1.2,
 * MTOM, WS-Addressing required, the same attachment buffering threshold) and the server's demo
 * certificate files. What the XTA server adds on top (authentication of the caller, tenants,
 * storage in MariaDB, five calls per message instead of one) is what the benchmark weighs.
 *
 * <p>Arguments: server certificate (PEM), its key (PEM), CA of accepted client certificates
 * (PEM), working directory. Listens on a free port and prints {@value #READY} followed by it.
 */
public final class EchoBaselineServer {

	/** Printed, followed by the port, once the endpoint answers. */
	public static final String READY = "ECHO-BASELINE READY port=";

	/** The server's TLS policy (application.yml: server.ssl.enabled-protocols and ciphers). */
	static final List<String> TLS13_SUITES = List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
			"TLS_CHACHA20_POLY1305_SHA256");

	static final List<String> TLS12_CIPHERS = List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
			"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
			"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");

	/** xta.soap.attachment-memory-threshold's default: larger parts are buffered in files, as there. */
	static final long ATTACHMENT_MEMORY_THRESHOLD = 262_144;

	private EchoBaselineServer() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 4) {
			throw new IllegalArgumentException("usage: EchoBaselineServer <server.crt> <server.key> <ca.crt> <work dir>");
		}
		Path workDirectory = Paths.get(args[3]).toAbsolutePath();
		Path attachments = Files.createDirectories(workDirectory.resolve("tmp").resolve("attachments"));

		Tomcat tomcat = new Tomcat();
		tomcat.setBaseDir(Files.createDirectories(workDirectory.resolve("tomcat")).toString());
		Connector connector = httpsConnector(Paths.get(args[0]), Paths.get(args[1]), Paths.get(args[2]));
		tomcat.getService().addConnector(connector);
		tomcat.setConnector(connector);

		Context context = tomcat.addContext("", Files.createDirectories(workDirectory.resolve("docroot")).toString());
		Wrapper servlet = Tomcat.addServlet(context, "cxf", new EchoServlet(attachments));
		servlet.setLoadOnStartup(1);
		context.addServletMappingDecoded("/services/*", "cxf");

		tomcat.start();
		System.out.println(READY + connector.getLocalPort());
		System.out.flush();
		tomcat.getServer().await();
	}

	/** Spring Boot's defaults for what application.yml does not set (threads, keep-alive). */
	private static Connector httpsConnector(Path certificate, Path key, Path ca) {
		Connector connector = new Connector(Http11NioProtocol.class.getName());
		connector.setPort(0);
		connector.setScheme("https");
		connector.setSecure(true);
		connector.setProperty("SSLEnabled", "true");
		connector.setProperty("connectionTimeout", "30000");
		connector.setProperty("maxHttpRequestHeaderSize", "8192");
		connector.setProperty("maxSwallowSize", "-1");
		connector.setProperty("maxThreads", "200");
		connector.setProperty("minSpareThreads", "10");
		connector.setProperty("maxKeepAliveRequests", "100");
		connector.setMaxPostSize(0);

		SSLHostConfig tls = new SSLHostConfig();
		tls.setSslProtocol("TLS");
		tls.setProtocols(String.join(",", List.of("+TLSv1.3", "+TLSv1.2")));
		tls.setCiphers(String.join(":", TLS12_CIPHERS));
		tls.setCipherSuites(String.join(":", TLS13_SUITES));
		tls.setCertificateVerification("required");
		tls.setTrustStore(trustStore(ca));
		SSLHostConfigCertificate serverCertificate = new SSLHostConfigCertificate(tls,
				SSLHostConfigCertificate.Type.UNDEFINED);
		serverCertificate.setCertificateFile(certificate.toString());
		serverCertificate.setCertificateKeyFile(key.toString());
		tls.addCertificate(serverCertificate);
		connector.addSslHostConfig(tls);
		return connector;
	}

	private static KeyStore trustStore(Path ca) {
		try (InputStream in = Files.newInputStream(ca)) {
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			int i = 0;
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				store.setCertificateEntry("client-ca-" + i++, certificate);
			}
			return store;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + ca, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot use " + ca + " as trust anchor", ex);
		}
	}

	/** CXF's servlet with the echo endpoint published on its bus, as the server publishes its ports. */
	static final class EchoServlet extends CXFNonSpringServlet {

		private static final long serialVersionUID = 1L;

		private final transient Path attachments;

		EchoServlet(Path attachments) {
			this.attachments = attachments;
		}

		@Override
		protected void loadBus(ServletConfig servletConfig) {
			super.loadBus(servletConfig);
			// As the server (V3Endpoints): the policy engine is off, WS-Addressing is enforced by its feature.
			if (getBus().getExtension(PolicyEngine.class) instanceof PolicyEngineImpl engine) {
				engine.setEnabled(false);
			}
			WSAddressingFeature addressing = new WSAddressingFeature();
			addressing.setAddressingRequired(true);
			EndpointImpl endpoint = new EndpointImpl(getBus(), new Echo());
			endpoint.setFeatures(List.of(addressing));
			endpoint.setProperties(Map.of("mtom-enabled", Boolean.TRUE, "attachment-directory",
					this.attachments.toString(), "attachment-memory-threshold", ATTACHMENT_MEMORY_THRESHOLD));
			endpoint.publish(EchoPort.PATH.substring("/services".length()));
		}
	}

	/** Reads the whole payload, as a service that does something with it must, and sends it back. */
	@WebService(serviceName = "EchoService", portName = "EchoPort", targetNamespace = EchoPort.NAMESPACE,
			endpointInterface = "org.xtaserver.tests.benchmark.EchoPort")
	@BindingType(SOAPBinding.SOAP12HTTP_MTOM_BINDING)
	public static final class Echo implements EchoPort {

		@Override
		public EchoResponse echo(EchoRequest request) {
			byte[] payload;
			try (InputStream in = request.payload().getInputStream()) {
				payload = in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot read the payload", ex);
			}
			return new EchoResponse(new DataHandler(new ByteDataSource(payload, "application/octet-stream")));
		}
	}
}
