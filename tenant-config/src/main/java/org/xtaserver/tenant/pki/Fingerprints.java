package org.xtaserver.tenant.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SHA-256 certificate fingerprints. The canonical form used throughout the server is 64 lowercase
 * hex digits without separators; {@link #colonSeparated(String)} gives the form {@code openssl
 * x509 -fingerprint -sha256} prints, which operators compare by eye.
 */
public final class Fingerprints {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private Fingerprints() {
    }

    /** The canonical SHA-256 fingerprint of the certificate's DER encoding. */
    public static String sha256(X509Certificate certificate) {
        try {
            return sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    /** The canonical SHA-256 fingerprint of DER bytes. */
    public static String sha256(byte[] der) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }

    /**
     * Parses a fingerprint written by a human: hex digits in any case, optionally separated by
     * colons (or spaces), optionally prefixed {@code SHA256:}/{@code sha256 Fingerprint=} as
     * tools print it. Empty when it is not a SHA-256 fingerprint.
     */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        int eq = s.indexOf('=');
        if (eq >= 0 && s.substring(0, eq).toLowerCase(Locale.ROOT).contains("sha256")) {
            s = s.substring(eq + 1);
        } else if (s.regionMatches(true, 0, "sha256:", 0, 7)) {
            s = s.substring(7);
        }
        String hex = s.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        return HEX64.matcher(hex).matches() ? Optional.of(hex) : Optional.empty();
    }

    /** {@code AB:CD:...} form of a canonical or human-written fingerprint. */
    public static String colonSeparated(String fingerprint) {
        String hex = parse(fingerprint)
                .orElseThrow(() -> new IllegalArgumentException("not a SHA-256 fingerprint"));
        StringBuilder sb = new StringBuilder(95);
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }
}
