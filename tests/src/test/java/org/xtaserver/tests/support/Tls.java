package org.xtaserver.tests.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** Key and trust material for mutual TLS with the demo server. */
public final class Tls {

	private Tls() {
	}

	/** Key managers for the key and certificate of a PKCS#12 file. */
	public static KeyManager[] keyManagers(Path pkcs12, char[] password) {
		try (InputStream in = Files.newInputStream(pkcs12)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, password);
			return keyManagers(store, password);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("cannot load client key store " + pkcs12, ex);
		}
	}

	/** Key managers for the keys of a key store. */
	public static KeyManager[] keyManagers(KeyStore store, char[] password) {
		try {
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			factory.init(store, password);
			return factory.getKeyManagers();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot use client key store", ex);
		}
	}

	/** Key managers for a demo identity ({@code NAME.p12}, password {@code demo}). */
	public static KeyManager[] keyManagers(DemoIdentity identity) {
		return keyManagers(identity.keyStore(), DemoIdentity.PASSWORD.toCharArray());
	}

	/** Trust managers that trust exactly the certificates of a PEM file (e.g. the demo CA). */
	public static TrustManager[] trustManagers(Path pemCertificates) {
		try (InputStream in = Files.newInputStream(pemCertificates)) {
			Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
				.generateCertificates(in);
			if (certificates.isEmpty()) {
				throw new IllegalStateException("no certificate in " + pemCertificates);
			}
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			int i = 0;
			for (Certificate certificate : certificates) {
				store.setCertificateEntry("trusted-" + i++, certificate);
			}
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(store);
			return factory.getTrustManagers();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("cannot load trusted certificates " + pemCertificates, ex);
		}
	}

	/** A TLS context with these key managers (may be null: no client certificate) and trust managers. */
	public static SSLContext context(KeyManager[] keyManagers, TrustManager[] trustManagers) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers, trustManagers, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
