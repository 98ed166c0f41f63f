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

import jakarta.servlet.ServletConfig;

import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.apache.cxf.ws.addressing.WSAddressingFeature;
import org.apache.cxf.ws.policy.PolicyEngine;
import org.apache.cxf.ws.policy.PolicyEngineImpl;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/**
 * The stack the round-trip benchmark's baselines run on, each in a JVM of its own: embedded
 * Tomcat with the same connector and TLS settings as the XTA server's application.yml, a CXF
 * servlet under {@code /services}, the server's demo certificate files, and the endpoint
 * properties the server sets (MTOM, attachment buffering). What is published on it is up to the
 * baseline.
 *
 * <p>Arguments of every baseline's main: server certificate (PEM), its key (PEM), CA of accepted
 * client certificates (PEM), working directory. It listens on a free port and prints its ready
 * marker followed by the port.
 */
final class BaselineStack {

	/** The server's TLS policy (application.yml: server.ssl.enabled-protocols and ciphers). */
	static final List<String> TLS13_SUITES = List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
			"TLS_CHACHA20_POLY1305_SHA256");

	static final List<String> TLS12_CIPHERS = List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
			"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
			"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");

	/** xta.soap.attachment-memory-threshold's default: larger parts are buffered in files, as there. */
	static final long ATTACHMENT_MEMORY_THRESHOLD = 262_144;

	private BaselineStack() {
	}

	/**
	 * Publishes {@code endpoints} (path below {@code /services} to implementor) and serves them until
	 * the JVM ends; prints {@code ready} and the port once they answer.
	 */
	static void serve(String[] args, String ready, Map<String, Object> endpoints) throws Exception {
		if (args.length != 4) {
			throw new IllegalArgumentException("arguments: <server.crt> <server.key> <ca.crt> <work dir>");
		}
		Path workDirectory = Paths.get(args[3]).toAbsolutePath();
		Path attachments = Files.createDirectories(workDirectory.resolve("tmp").resolve("attachments"));

		Tomcat tomcat = new Tomcat();
		tomcat.setBaseDir(Files.createDirectories(workDirectory.resolve("tomcat")).toString());
		Connector connector = httpsConnector(Paths.get(args[0]), Paths.get(args[1]), Paths.get(args[2]));
		tomcat.getService().addConnector(connector);
		tomcat.setConnector(connector);

		Context context = tomcat.addContext("", Files.createDirectories(workDirectory.resolve("docroot")).toString());
		Wrapper wrapper = Tomcat.addServlet(context, "cxf", new Servlet(attachments, endpoints));
		wrapper.setLoadOnStartup(1);
		context.addServletMappingDecoded("/services/*", "cxf");

		tomcat.start();
		// Tomcat starts without a connector that failed (an unreadable key, say): fail instead of announcing -1.
		if (connector.getLocalPort() < 0) {
			tomcat.stop();
			throw new IllegalStateException("the HTTPS connector did not start; see the log above");
		}
		System.out.println(ready + connector.getLocalPort());
		System.out.flush();
		tomcat.getServer().await();
	}

	/**
	 * CXF's servlet with the endpoints published on its bus as the server publishes its ports
	 * (V3Endpoints): WS-Addressing required by its feature, the policy engine off, and the endpoint
	 * properties that shape the SOAP processing (MTOM, attachment buffering).
	 */
	static final class Servlet extends CXFNonSpringServlet {

		private static final long serialVersionUID = 1L;

		private final transient Path attachments;

		private final transient Map<String, Object> endpoints;

		Servlet(Path attachments, Map<String, Object> endpoints) {
			this.attachments = attachments;
			this.endpoints = Map.copyOf(endpoints);
		}

		@Override
		protected void loadBus(ServletConfig servletConfig) {
			super.loadBus(servletConfig);
			if (getBus().getExtension(PolicyEngine.class) instanceof PolicyEngineImpl engine) {
				engine.setEnabled(false);
			}
			this.endpoints.forEach((path, implementor) -> {
				WSAddressingFeature addressing = new WSAddressingFeature();
				addressing.setAddressingRequired(true);
				EndpointImpl endpoint = new EndpointImpl(getBus(), implementor);
				endpoint.setFeatures(List.of(addressing));
				endpoint.setProperties(Map.of("mtom-enabled", Boolean.TRUE, "attachment-directory",
						this.attachments.toString(), "attachment-memory-threshold", ATTACHMENT_MEMORY_THRESHOLD));
				endpoint.publish(path);
			});
		}
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
}
