package org.xtaserver.tenancy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xtaserver.tenant.TenantId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The certificates a tenant file names, read from the file as written. The tenant model keeps
 * only the fingerprint of a {@code file:} client certificate, and a file with an expired
 * certificate is not loaded at all; the acceptance report still has to show each certificate,
 * so it reads the paths itself (and so do the certificate expiry metrics). Validation of the file
 * is {@code TenantFiles}' job, not this one's.
 */
public final class CertificateInventory {

	/** What a certificate is used for, which decides the key usage it needs. */
	public enum Role {

		/** The tenant's OSCI identity: signs requests and decrypts answers. */
		OSCI_OWN("OSCI certificate of the tenant"),
		/** The intermediary's cipher certificate, also its signature certificate. */
		OSCI_INTERMEDIARY("OSCI intermediary certificate (cipher and signature)"),
		/** The intermediary's cipher certificate only. */
		OSCI_INTERMEDIARY_CIPHER("OSCI intermediary cipher certificate"),
		/** The intermediary's signature certificate. */
		OSCI_INTERMEDIARY_SIGNATURE("OSCI intermediary signature certificate"),
		/** A specialist procedure's TLS client certificate. */
		CLIENT_TLS("TLS client certificate of a specialist procedure");

		private final String description;

		Role(String description) {
			this.description = description;
		}

		public String description() {
			return this.description;
		}
	}

	/**
	 * One certificate entry of the file.
	 *
	 * @param field where it is in the file, e.g. {@code osci.certificate}
	 * @param role what it is used for
	 * @param client the client's name for client certificates
	 * @param file the certificate file, when given as a file
	 * @param privateKey the private key file belonging to it (the tenant's OSCI key only)
	 * @param sha256 the pinned fingerprint, when given as {@code sha256}
	 * @param issuer the issuer DN, when given as {@code issuer} + {@code subject}
	 * @param subject the subject DN, likewise
	 */
	public record Entry(String field, Role role, String client, Path file, Path privateKey, String sha256, String issuer,
			String subject) {

		/** How the report names it, e.g. {@code osci.certificate (osci/musterstadt.crt)}. */
		public String label(Path folder) {
			String where = this.client != null ? this.field + " of client " + this.client : this.field;
			if (this.file == null) {
				return where;
			}
			Path shown = this.file.startsWith(folder) ? folder.relativize(this.file) : this.file;
			return where + " (" + shown + ")";
		}
	}

	/**
	 * The entries of a parsed file, or the reason it could not be read.
	 *
	 * @param entries certificate entries in file order
	 * @param problem why the file could not be read; {@code null} when it could
	 */
	public record Contents(List<Entry> entries, String problem) {
	}

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private CertificateInventory() {
	}

	/** The file of a tenant in the tenant folder: {@code <id>.yaml} or {@code <id>.yml}. */
	public static Optional<Path> tenantFile(Path folder, TenantId id) {
		for (String extension : new String[] { ".yaml", ".yml" }) {
			Path file = folder.resolve(id.value() + extension);
			if (Files.isRegularFile(file)) {
				return Optional.of(file);
			}
		}
		return Optional.empty();
	}

	public static Contents read(Path tenantFile) {
		JsonNode root;
		try {
			root = YAML.readTree(Files.readAllBytes(tenantFile));
		}
		catch (IOException | JacksonException ex) {
			return new Contents(List.of(), "cannot read " + tenantFile.getFileName() + ": " + ex.getMessage());
		}
		if (root == null || !root.isObject()) {
			return new Contents(List.of(), tenantFile.getFileName() + " holds no YAML mapping");
		}
		Path folder = tenantFile.toAbsolutePath().getParent();
		List<Entry> entries = new ArrayList<>();
		JsonNode osci = root.path("osci");
		if (osci.isObject()) {
			boolean separateSignature = text(osci, "intermediarySignatureCertificate") != null;
			add(entries, folder, "osci.certificate", Role.OSCI_OWN, null, text(osci, "certificate"),
					text(osci, "privateKey"));
			add(entries, folder, "osci.intermediaryCertificate",
					separateSignature ? Role.OSCI_INTERMEDIARY_CIPHER : Role.OSCI_INTERMEDIARY, null,
					text(osci, "intermediaryCertificate"), null);
			if (separateSignature) {
				add(entries, folder, "osci.intermediarySignatureCertificate", Role.OSCI_INTERMEDIARY_SIGNATURE, null,
						text(osci, "intermediarySignatureCertificate"), null);
			}
		}
		JsonNode clients = root.path("clients");
		for (int i = 0; clients.isArray() && i < clients.size(); i++) {
			JsonNode client = clients.get(i);
			String name = text(client, "name");
			JsonNode certificates = client.path("certificates");
			for (int j = 0; certificates.isArray() && j < certificates.size(); j++) {
				JsonNode c = certificates.get(j);
				String field = "clients[" + i + "].certificates[" + j + "]";
				String file = text(c, "file");
				if (file != null) {
					add(entries, folder, field, Role.CLIENT_TLS, name, file, null);
				}
				else {
					entries.add(new Entry(field, Role.CLIENT_TLS, name, null, null, text(c, "sha256"), text(c, "issuer"),
							text(c, "subject")));
				}
			}
		}
		return new Contents(entries, null);
	}

	private static void add(List<Entry> entries, Path folder, String field, Role role, String client, String file,
			String key) {
		entries.add(new Entry(field, role, client, resolve(folder, file), resolve(folder, key), null, null, null));
	}

	private static Path resolve(Path folder, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			Path path = Path.of(value);
			return (path.isAbsolute() ? path : folder.resolve(path)).normalize();
		}
		catch (InvalidPathException ex) {
			return null;
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isValueNode() && !value.isNull() ? value.asString() : null;
	}
}
