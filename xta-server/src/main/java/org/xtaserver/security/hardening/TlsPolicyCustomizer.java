package org.xtaserver.security.hardening;

import java.util.List;
import org.apache.catalina.connector.Connector;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;

/**
 * Applies {@code server.ssl.enabled-protocols} and {@code server.ssl.ciphers} to the HTTPS
 * connector. Spring Boot takes both from the SSL bundle's own options once
 * {@code server.ssl.bundle} is set and silently ignores the {@code server.ssl.*} ones, so the
 * server accepted e.g. ECDHE-RSA-AES128-SHA (CBC with SHA-1) although the configuration listed
 * AEAD suites only.
 */
class TlsPolicyCustomizer implements TomcatConnectorCustomizer {

	private static final Logger log = LoggerFactory.getLogger(TlsPolicyCustomizer.class);

	private final List<String> protocols;

	private final List<String> ciphers;

	TlsPolicyCustomizer(List<String> protocols, List<String> ciphers) {
		this.protocols = List.copyOf(protocols);
		this.ciphers = List.copyOf(ciphers);
	}

	/** TLS 1.3 suites (RFC 8446 B.4) are configured apart from the TLS 1.2 cipher list. */
	private static boolean isTls13Suite(String cipher) {
		return cipher.startsWith("TLS_AES_") || cipher.startsWith("TLS_CHACHA20_");
	}

	@Override
	public void customize(Connector connector) {
		for (SSLHostConfig host : connector.findSslHostConfigs()) {
			if (!this.protocols.isEmpty()) {
				// "+" adds each protocol to an empty set; without it Tomcat warns about every entry.
				host.setProtocols(String.join(",", this.protocols.stream().map((p) -> "+" + p).toList()));
			}
			List<String> tls13 = this.ciphers.stream().filter(TlsPolicyCustomizer::isTls13Suite).toList();
			List<String> upToTls12 = this.ciphers.stream().filter((c) -> !isTls13Suite(c)).toList();
			if (!upToTls12.isEmpty()) {
				host.setCiphers(String.join(":", upToTls12));
			}
			if (!tls13.isEmpty()) {
				host.setCipherSuites(String.join(":", tls13));
			}
			log.debug("XTA-3202 TLS of port {}: protocols {} ciphers {}", connector.getPort(), this.protocols,
					this.ciphers);
		}
	}
}
