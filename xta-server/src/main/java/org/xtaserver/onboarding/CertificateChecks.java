package org.xtaserver.onboarding;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.xtaserver.tenancy.CertificateInventory.Entry;
import org.xtaserver.tenancy.CertificateInventory.Role;
import org.xtaserver.tenant.pki.Fingerprints;
import org.xtaserver.tenant.pki.Keys;
import org.xtaserver.tenant.pki.Pem;

/**
 * Checks each certificate of a tenant: validity now and days to expiry, key usage for its role,
 * chain to an issuer among the tenant's certificates and the trust anchors, and whether the
 * private key belongs to it.
 */
final class CertificateChecks {

	static final String AREA = "certificate";

	private static final String EKU_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

	private static final String EKU_ANY = "2.5.29.37.0";

	private static final int MAX_CHAIN = 8;

	private final Clock clock;

	private final int warnDays;

	private final TrustAnchors anchors;

	/**
	 * @param warnDays fewer days than this to expiry is a warning
	 * @param anchors CA certificates the chains may end at
	 */
	CertificateChecks(Clock clock, int warnDays, TrustAnchors anchors) {
		this.clock = clock;
		this.warnDays = warnDays;
		this.anchors = anchors;
	}

	/**
	 * Checks every entry; certificates of the file serve each other as chain candidates (e.g. a CA
	 * certificate listed as intermediary certificate).
	 */
	List<CheckResult> check(List<Entry> entries, Path folder) {
		List<X509Certificate> readable = new ArrayList<>();
		for (Entry e : entries) {
			if (e.file() != null) {
				try {
					readable.addAll(Pem.readCertificates(e.file()));
				}
				catch (IOException ex) {
					// reported per entry below
				}
			}
		}
		List<CheckResult> results = new ArrayList<>();
		for (Entry e : entries) {
			results.addAll(check(e, folder, readable));
		}
		return results;
	}

	List<CheckResult> check(Entry entry, Path folder, List<X509Certificate> tenantCertificates) {
		String subject = entry.label(folder);
		if (entry.file() == null) {
			return List.of(matcherOnly(entry, subject));
		}
		X509Certificate certificate;
		try {
			certificate = Pem.readCertificate(entry.file());
		}
		catch (IOException ex) {
			return List.of(result("certificate.readable", subject, Outcome.FAIL,
					"certificate file cannot be read: " + ex.getMessage()));
		}
		String fingerprint = Fingerprints.colonSeparated(Fingerprints.sha256(certificate));
		List<CheckResult> results = new ArrayList<>();
		results.add(validity(subject, certificate).with("sha256", fingerprint)
			.with("subjectDn", certificate.getSubjectX500Principal().getName())
			.with("notAfter", certificate.getNotAfter().toInstant()));
		results.add(keyUsage(subject, certificate, entry.role()));
		results.add(chain(subject, certificate, entry.role(), tenantCertificates));
		if (entry.role() == Role.OSCI_OWN) {
			results.add(privateKey(subject, certificate, entry.privateKey()));
		}
		return results;
	}

	CheckResult validity(String subject, X509Certificate certificate) {
		Instant now = this.clock.instant();
		Instant notBefore = certificate.getNotBefore().toInstant();
		Instant notAfter = certificate.getNotAfter().toInstant();
		long days = Duration.between(now, notAfter).toDays();
		String until = notAfter.atOffset(ZoneOffset.UTC).toLocalDate().toString();
		if (now.isAfter(notAfter)) {
			return result("certificate.validity", subject, Outcome.FAIL, "expired on " + until + " ("
					+ Duration.between(notAfter, now).toDays() + " days ago)").with("daysToExpiry", days);
		}
		if (now.isBefore(notBefore)) {
			return result("certificate.validity", subject, Outcome.FAIL,
					"not valid before " + notBefore.atOffset(ZoneOffset.UTC).toLocalDate()).with("daysToExpiry", days);
		}
		if (days < this.warnDays) {
			return result("certificate.validity", subject, Outcome.WARN, "valid, but expires in " + days + " days ("
					+ until + "); renew it now").with("daysToExpiry", days);
		}
		return result("certificate.validity", subject, Outcome.PASS, "valid until " + until + " (" + days + " days)")
			.with("daysToExpiry", days);
	}

	CheckResult keyUsage(String subject, X509Certificate certificate, Role role) {
		boolean[] usage = certificate.getKeyUsage();
		String needed = switch (role) {
			case OSCI_OWN, OSCI_INTERMEDIARY -> "digitalSignature and keyEncipherment";
			case OSCI_INTERMEDIARY_CIPHER -> "keyEncipherment";
			case OSCI_INTERMEDIARY_SIGNATURE, CLIENT_TLS -> "digitalSignature";
		};
		if (usage == null) {
			return result("certificate.keyUsage", subject, Outcome.WARN,
					"no KeyUsage extension, so any use is allowed; needed: " + needed);
		}
		boolean signs = usage.length > 1 && (usage[0] || usage[1]);
		boolean enciphers = usage.length > 2 && usage[2];
		boolean fits = switch (role) {
			case OSCI_OWN, OSCI_INTERMEDIARY -> signs && enciphers;
			case OSCI_INTERMEDIARY_CIPHER -> enciphers;
			case OSCI_INTERMEDIARY_SIGNATURE -> signs;
			case CLIENT_TLS -> usage[0];
		};
		String present = describe(usage);
		if (!fits) {
			return result("certificate.keyUsage", subject, Outcome.FAIL,
					"key usage " + present + " does not allow what it is used for; needed: " + needed);
		}
		if (role == Role.CLIENT_TLS) {
			try {
				List<String> eku = certificate.getExtendedKeyUsage();
				if (eku != null && !eku.contains(EKU_CLIENT_AUTH) && !eku.contains(EKU_ANY)) {
					return result("certificate.keyUsage", subject, Outcome.FAIL,
							"extended key usage " + eku + " lacks clientAuth; the TLS handshake would fail");
				}
			}
			catch (CertificateParsingException ex) {
				return result("certificate.keyUsage", subject, Outcome.FAIL, "extended key usage unreadable");
			}
		}
		return result("certificate.keyUsage", subject, Outcome.PASS, "key usage " + present + " fits (" + needed + ")");
	}

	CheckResult chain(String subject, X509Certificate certificate, Role role, List<X509Certificate> tenantCertificates) {
		if (isSelfSigned(certificate)) {
			return result("certificate.chain", subject, Outcome.WARN,
					"self-signed: trusted only because it is configured here; production certificates come from a CA")
				.with("issuerDn", certificate.getIssuerX500Principal().getName());
		}
		List<X509Certificate> pool = new ArrayList<>(tenantCertificates);
		List<X509Certificate> trusted = role == Role.CLIENT_TLS ? this.anchors.clientCa() : this.anchors.all();
		pool.addAll(this.anchors.all());
		List<String> path = new ArrayList<>();
		X509Certificate current = certificate;
		Instant now = this.clock.instant();
		for (int depth = 0; depth < MAX_CHAIN; depth++) {
			X500Principal issuerName = current.getIssuerX500Principal();
			Optional<X509Certificate> issuer = issuerOf(current, pool);
			if (issuer.isEmpty()) {
				boolean named = pool.stream().anyMatch((c) -> c.getSubjectX500Principal().equals(issuerName));
				if (named) {
					return result("certificate.chain", subject, Outcome.FAIL, "a certificate named " + issuerName.getName()
							+ " is configured, but its key did not sign " + current.getSubjectX500Principal().getName());
				}
				return notFound(subject, role, issuerName, path);
			}
			X509Certificate ca = issuer.get();
			path.add(ca.getSubjectX500Principal().getName());
			if (now.isAfter(ca.getNotAfter().toInstant()) || now.isBefore(ca.getNotBefore().toInstant())) {
				return result("certificate.chain", subject, Outcome.FAIL,
						"issuing CA " + ca.getSubjectX500Principal().getName() + " is not valid now (until "
								+ ca.getNotAfter().toInstant() + ")");
			}
			if (trusted.contains(ca)) {
				return result("certificate.chain", subject, Outcome.PASS, "issued by " + path.get(0)
						+ (path.size() > 1 ? ", chain " + String.join(" <- ", path) : "") + "; CA is in the "
						+ (role == Role.CLIENT_TLS ? "TLS client trust store (xta.tls.client-ca)" : "trust anchors"))
					.with("issuerDn", path.get(0));
			}
			if (isSelfSigned(ca)) {
				return result("certificate.chain", subject, Outcome.WARN, "chain " + String.join(" <- ", path)
						+ " ends at a root that is not in the "
						+ (role == Role.CLIENT_TLS ? "TLS client trust store (xta.tls.client-ca)"
								: "trust anchors (xta.onboarding.trust-anchors)"));
			}
			current = ca;
		}
		return result("certificate.chain", subject, Outcome.WARN, "chain longer than " + MAX_CHAIN + " certificates");
	}

	private CheckResult notFound(String subject, Role role, X500Principal issuerName, List<String> path) {
		String where = path.isEmpty() ? "" : " (chain so far: " + String.join(" <- ", path) + ")";
		if (role == Role.CLIENT_TLS && this.anchors.clientCaKnown()) {
			return result("certificate.chain", subject, Outcome.FAIL, "issuer " + issuerName.getName()
					+ " is not in the TLS client trust store (xta.tls.client-ca); the TLS handshake would fail" + where);
		}
		return result("certificate.chain", subject, Outcome.WARN, "issuer " + issuerName.getName()
				+ " not among the tenant's certificates or the trust anchors; chain not verified" + where)
			.with("issuerDn", issuerName.getName());
	}

	CheckResult privateKey(String subject, X509Certificate certificate, Path keyFile) {
		if (keyFile == null) {
			return result("certificate.privateKey", subject, Outcome.FAIL, "no private key configured (osci.privateKey)");
		}
		PrivateKey key;
		try {
			key = Pem.readPrivateKey(keyFile);
		}
		catch (IOException ex) {
			return result("certificate.privateKey", subject, Outcome.FAIL,
					"private key " + keyFile.getFileName() + " cannot be read: " + ex.getMessage());
		}
		if (!Keys.matches(key, certificate)) {
			return result("certificate.privateKey", subject, Outcome.FAIL,
					"private key " + keyFile.getFileName() + " does not belong to this certificate");
		}
		return result("certificate.privateKey", subject, Outcome.PASS,
				"private key " + keyFile.getFileName() + " belongs to this certificate");
	}

	/** A client certificate given only as fingerprint or by issuer and subject: what can be said. */
	private CheckResult matcherOnly(Entry entry, String subject) {
		if (entry.sha256() != null) {
			String shown = Fingerprints.parse(entry.sha256()).map(Fingerprints::colonSeparated).orElse(entry.sha256());
			return result("certificate.pinned", subject, Outcome.SKIPPED, "pinned by SHA-256 fingerprint only; the"
					+ " certificate is not in the tenant folder, so validity, key usage and chain are checked by TLS at"
					+ " each login (give it as file: to check it here)").with("sha256", shown);
		}
		if (entry.issuer() == null || entry.subject() == null) {
			return result("certificate.pinned", subject, Outcome.FAIL, "neither file, sha256 nor issuer + subject given");
		}
		X500Principal issuer;
		try {
			issuer = new X500Principal(entry.issuer());
		}
		catch (IllegalArgumentException ex) {
			return result("certificate.pinned", subject, Outcome.FAIL, "issuer is not a distinguished name");
		}
		if (!this.anchors.clientCaKnown()) {
			return result("certificate.pinned", subject, Outcome.SKIPPED, "matched by issuer and subject ("
					+ entry.subject() + "); TLS client trust store unknown here, issuer not checked");
		}
		boolean trusted = this.anchors.clientCa().stream().anyMatch((c) -> c.getSubjectX500Principal().equals(issuer));
		if (!trusted) {
			return result("certificate.pinned", subject, Outcome.FAIL, "matched by issuer and subject, but issuer "
					+ issuer.getName() + " is not in the TLS client trust store (xta.tls.client-ca)");
		}
		return result("certificate.pinned", subject, Outcome.PASS, "matched by issuer and subject (" + entry.subject()
				+ "); issuer is in the TLS client trust store; the certificate itself is checked by TLS at login");
	}

	private static Optional<X509Certificate> issuerOf(X509Certificate certificate, List<X509Certificate> pool) {
		for (X509Certificate candidate : pool) {
			if (candidate.equals(certificate)
					|| !candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
				continue;
			}
			try {
				certificate.verify(candidate.getPublicKey());
				return Optional.of(candidate);
			}
			catch (Exception ex) {
				// not this one
			}
		}
		return Optional.empty();
	}

	static boolean isSelfSigned(X509Certificate certificate) {
		if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
			return false;
		}
		try {
			certificate.verify(certificate.getPublicKey());
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static String describe(boolean[] usage) {
		String[] names = { "digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement",
				"keyCertSign", "cRLSign", "encipherOnly", "decipherOnly" };
		List<String> set = new ArrayList<>();
		for (int i = 0; i < usage.length && i < names.length; i++) {
			if (usage[i]) {
				set.add(names[i]);
			}
		}
		return set.isEmpty() ? "(none)" : String.join(", ", set);
	}

	private CheckResult result(String check, String subject, Outcome outcome, String finding) {
		return CheckResult.of(check, AREA, subject, outcome, finding, this.clock.instant());
	}
}
