package org.xtaserver.tests.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import org.xtaserver.osci.crypto.Credentials;
import org.xtaserver.osci.simulator.OsciSimulator;
import org.xtaserver.osci.simulator.TestPki;

/**
 * Writes tenant files with an {@code osci:} section into a server's tenant folder at runtime (a
 * server started with {@code --xta.tenants.reload-interval=PT1S} picks them up): an {@code osci}
 * section added to an existing (demo) tenant, or a whole generated tenant with one postbox and no
 * clients. Each tenant gets fresh OSCI TEST credentials; the simulator addresses deliveries to
 * their certificate.
 */
public final class OsciTenantFiles {

	private OsciTenantFiles() {
	}

	/** Fresh OSCI TEST credentials for a tenant. */
	public static Credentials credentials(String tenantId) {
		return TestPki.credentials(tenantId + "-osci", Clock.systemUTC().instant(), new SecureRandom());
	}

	/** Appends an {@code osci} section to the existing file {@code <tenantId>.yaml}. */
	public static void enableOsci(Path tenants, String tenantId, Credentials osci, OsciSimulator simulator)
			throws IOException, GeneralSecurityException {
		Path file = tenants.resolve(tenantId + ".yaml");
		write(tenants, tenantId, Files.readString(file) + osciSection(tenants, tenantId, osci, simulator));
	}

	/**
	 * Writes a new tenant {@code <tenantId>.yaml} with one postbox {@code xoev/<postboxValue>} and an
	 * {@code osci} section.
	 */
	public static void writeGeneratedTenant(Path tenants, String tenantId, String postboxValue, Credentials osci,
			OsciSimulator simulator) throws IOException, GeneralSecurityException {
		String yaml = """
				id: %s
				displayName: "Generated test tenant %s"
				postboxes:
				  - identifier:
				      type: xoev
				      value: "%s"
				""".formatted(tenantId, tenantId, postboxValue);
		write(tenants, tenantId, yaml + osciSection(tenants, tenantId, osci, simulator));
	}

	private static String osciSection(Path tenants, String tenantId, Credentials osci, OsciSimulator simulator)
			throws IOException, GeneralSecurityException {
		Path keys = Files.createDirectories(tenants.resolve("osci"));
		Files.writeString(keys.resolve(tenantId + ".crt"), pem("CERTIFICATE", osci.certificate().getEncoded()));
		Files.writeString(keys.resolve(tenantId + ".key"), pem("PRIVATE KEY", osci.privateKey().getEncoded()));
		Files.writeString(keys.resolve("intermediary-cipher.crt"),
				pem("CERTIFICATE", simulator.cipherCertificate().getEncoded()));
		Files.writeString(keys.resolve("intermediary-signature.crt"),
				pem("CERTIFICATE", simulator.signatureCertificate().getEncoded()));
		return """

				osci:
				  intermediaryUrl: "%s"
				  fetchInterval: 10s
				  certificate: osci/%s.crt
				  privateKey: osci/%s.key
				  intermediaryCertificate: osci/intermediary-cipher.crt
				  intermediarySignatureCertificate: osci/intermediary-signature.crt
				""".formatted(simulator.uri(), tenantId, tenantId);
	}

	/** Replaces the file atomically, so that a reload never reads half of it. */
	private static void write(Path tenants, String tenantId, String yaml) throws IOException {
		Path temp = Files.writeString(tenants.resolve("." + tenantId + ".tmp"), yaml, StandardCharsets.UTF_8);
		Files.move(temp, tenants.resolve(tenantId + ".yaml"), StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}
}
