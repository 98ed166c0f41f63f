package org.xtaserver.onboarding;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.xtaserver.tenant.pki.CertificateAuthority;
import org.xtaserver.tenant.pki.IssuedCertificate;
import org.xtaserver.tenant.pki.Pem;
import org.xtaserver.tenant.pki.Validity;

/** Test certificates from one throw-away CA. */
final class Pki {

	static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	static final CertificateAuthority CA = CertificateAuthority.createRoot("CN=Onboarding Test CA,O=Test,C=DE",
			Validity.between(NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(3650))));

	private Pki() {
	}

	static IssuedCertificate issue(String cn, Instant notBefore, Instant notAfter) {
		return CA.issueClientCertificate("CN=" + cn + ",O=Test,C=DE", Validity.between(notBefore, notAfter));
	}

	static IssuedCertificate valid(String cn) {
		return issue(cn, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
	}

	static Path write(Path file, X509Certificate certificate) throws IOException {
		Pem.writeCertificate(file, certificate);
		return file;
	}

	static Path writeKey(Path file, java.security.PrivateKey key) throws IOException {
		Pem.writePrivateKey(file, key);
		return file;
	}
}
