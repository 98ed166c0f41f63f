package org.xtaserver.onboarding;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

/**
 * CA certificates that certificate chains may end at: the TLS client trust store
 * ({@code xta.tls.client-ca}) for client certificates, and additionally the configured trust
 * anchors ({@code xta.onboarding.trust-anchors}, e.g. the DOI-CA) for OSCI certificates.
 *
 * @param clientCa the CA certificates of {@code xta.tls.client-ca}
 * @param clientCaKnown whether the client trust store was configured and readable
 * @param others further trust anchors
 * @param problems locations that could not be read, for the report
 */
record TrustAnchors(List<X509Certificate> clientCa, boolean clientCaKnown, List<X509Certificate> others,
		List<String> problems) {

	TrustAnchors {
		clientCa = List.copyOf(clientCa);
		others = List.copyOf(others);
		problems = List.copyOf(problems);
	}

	static TrustAnchors none() {
		return new TrustAnchors(List.of(), false, List.of(), List.of());
	}

	/** Every anchor. */
	List<X509Certificate> all() {
		List<X509Certificate> all = new ArrayList<>(this.clientCa);
		all.addAll(this.others);
		return all;
	}

	/**
	 * Reads Spring resource locations ({@code file:...}, {@code classpath:...} or plain paths).
	 *
	 * @param clientCa location of {@code xta.tls.client-ca}; may be null
	 * @param others further locations; may be empty
	 */
	static TrustAnchors load(String clientCa, List<String> others) {
		ResourceLoader loader = new DefaultResourceLoader();
		List<String> problems = new ArrayList<>();
		List<X509Certificate> ca = clientCa == null ? List.of() : read(loader, clientCa, problems);
		boolean known = clientCa != null && !ca.isEmpty();
		List<X509Certificate> more = new ArrayList<>();
		for (String location : others) {
			more.addAll(read(loader, location, problems));
		}
		return new TrustAnchors(ca, known, more, problems);
	}

	private static List<X509Certificate> read(ResourceLoader loader, String location, List<String> problems) {
		String normalised = location.contains(":") ? location : "file:" + location;
		try (InputStream in = loader.getResource(normalised).getInputStream()) {
			List<X509Certificate> certificates = new ArrayList<>();
			for (var c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				certificates.add((X509Certificate) c);
			}
			return certificates;
		}
		catch (IOException | CertificateException ex) {
			problems.add(location + ": " + ex.getMessage());
			return List.of();
		}
	}
}
