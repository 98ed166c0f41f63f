package org.xtaserver.tests.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.simulator.OsciSimulator;
import org.xtaserver.osci.simulator.TestPki;
import org.xtaserver.tenant.pki.CertificateAuthority;
import org.xtaserver.tenant.pki.Pem;
import org.xtaserver.tenant.pki.Validity;

/**
 * Generated tenants of the benchmarks: each with its own OSCI identity pointing at one simulator,
 * one postbox and, where a client certificate is given, a specialist procedure pinned by a
 * certificate file and a service offering its encryption certificate (the shape of the demo
 * tenants). Written into a tenant folder, key material under {@code osci/} and {@code certs/},
 * each YAML file last and atomically, so that a running server's reload never reads a tenant
 * whose files are not there yet.
 */
final class OsciBenchmarkTenants {

	private OsciBenchmarkTenants() {
	}

	/**
	 * One generated tenant.
	 * @param id tenant id (also its file name)
	 * @param osci the tenant's OSCI identity; the simulator addresses deliveries to its certificate
	 * @param client TLS client certificate of its specialist procedure, or {@code null} for none
	 */
	record Tenant(String id, Credentials osci, X509Certificate client) {

		String postboxValue() {
			return "benchmark:" + this.id + ":postbox";
		}
	}

	/** {@code prefix-001} ... {@code prefix-<count>}. */
	static String id(String prefix, int n) {
		return "%s-%03d".formatted(prefix, n);
	}

	/** Tenants with fresh OSCI credentials (RSA 2048, made side by side: key generation dominates). */
	static List<Tenant> withOsci(String prefix, int count) {
		return IntStream.rangeClosed(1, count)
			.parallel()
			.mapToObj((n) -> new Tenant(id(prefix, n),
					TestPki.credentials(id(prefix, n) + "-osci", Clock.systemUTC().instant(), new SecureRandom()), null))
			.toList();
	}

	/**
	 * The same tenants, each with a client certificate of its own issued by {@code ca}. The
	 * certificates share one key pair: the server only ever sees the certificates (pinned by
	 * fingerprint), and a key per certificate would only slow the benchmark's preparation down.
	 */
	static List<Tenant> withClients(List<Tenant> tenants, CertificateAuthority ca) {
		Validity validity = Validity.starting(Clock.systemUTC(), Duration.ofDays(365));
		KeyPair clientKey = TestPki.rsa(new SecureRandom());
		return tenants.stream()
			.map((t) -> new Tenant(t.id(), t.osci(), ca.issueClientCertificate(
					"CN=" + t.id() + "-fachverfahren,O=Benchmark " + t.id() + ",C=DE", clientKey, validity)
				.certificate()))
			.toList();
	}

	/**
	 * Writes the tenants into {@code directory}.
	 * @param fetchInterval the tenant files' {@code fetchInterval}, or {@code null} for the default
	 */
	static void write(Path directory, List<Tenant> tenants, OsciSimulator simulator, Duration fetchInterval)
			throws IOException {
		Path osci = Files.createDirectories(directory.resolve("osci"));
		Path certs = Files.createDirectories(directory.resolve("certs"));
		Files.writeString(osci.resolve("intermediary-cipher.crt"), Pem.encode(simulator.cipherCertificate()));
		Files.writeString(osci.resolve("intermediary-signature.crt"), Pem.encode(simulator.signatureCertificate()));
		for (Tenant tenant : tenants) {
			Files.writeString(osci.resolve(tenant.id() + ".crt"), Pem.encode(tenant.osci().certificate()));
			Files.writeString(osci.resolve(tenant.id() + ".key"), Pem.encodePrivateKey(tenant.osci().privateKey()));
			if (tenant.client() != null) {
				Files.writeString(certs.resolve(tenant.id() + "-fachverfahren.crt"), Pem.encode(tenant.client()));
			}
			String yaml = yaml(tenant, simulator, fetchInterval);
			Path temp = Files.writeString(directory.resolve("." + tenant.id() + ".tmp"), yaml, StandardCharsets.UTF_8);
			Files.move(temp, directory.resolve(tenant.id() + ".yaml"), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
		}
	}

	private static String yaml(Tenant tenant, OsciSimulator simulator, Duration fetchInterval) {
		StringBuilder yaml = new StringBuilder("""
				id: %s
				displayName: "Benchmark tenant %s"
				postboxes:
				  - identifier:
				      type: xoev
				      category: "Sozialamt"
				      name: "Sozialamt %s"
				      value: "%s"
				""".formatted(tenant.id(), tenant.id(), tenant.id(), tenant.postboxValue()));
		if (tenant.client() != null) {
			yaml.append("""
					    services:
					      - service: "urn:xoev-de:xsozial:demo:sozialhilfe"
					        parameters:
					          - type: ENCRYPTION_CERTIFICATE
					            value: "%s"
					clients:
					  - name: %s-fachverfahren
					    certificates:
					      - file: certs/%s-fachverfahren.crt
					    actAs:
					      - type: xoev
					        value: "%s"
					""".formatted(base64(tenant.client()), tenant.id(), tenant.id(), tenant.postboxValue()));
		}
		yaml.append("""
				osci:
				  intermediaryUrl: "%s"
				  certificate: osci/%s.crt
				  privateKey: osci/%s.key
				  intermediaryCertificate: osci/intermediary-cipher.crt
				  intermediarySignatureCertificate: osci/intermediary-signature.crt
				""".formatted(simulator.uri(), tenant.id(), tenant.id()));
		if (fetchInterval != null) {
			yaml.append("  fetchInterval: %ds\n".formatted(fetchInterval.toSeconds()));
		}
		return yaml.toString();
	}

	private static String base64(X509Certificate certificate) {
		try {
			return Base64.getEncoder().encodeToString(certificate.getEncoded());
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
