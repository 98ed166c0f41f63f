package org.xtaserver.tenant;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How the server fetches this tenant's messages from an OSCI 1.2 intermediary. Provisional: the
 * OSCI fetcher is a later issue and may refine this record; the tenant loader already checks the
 * referenced files (readable, key matches certificate, certificates currently valid).
 *
 * @param intermediaryUrl the intermediary's endpoint (http or https)
 * @param fetchInterval pause between two fetch rounds, at least {@link #MIN_FETCH_INTERVAL}
 * @param certificate PEM certificate of this tenant's OSCI identity (signing and decryption)
 * @param privateKey PEM private key (unencrypted PKCS#8 or PKCS#1) of that certificate
 * @param intermediaryCertificate PEM certificate of the intermediary (encryption towards it)
 * @param intermediarySignatureCertificate PEM certificate the intermediary signs its answers with;
 *        {@code null}: the same as {@code intermediaryCertificate}
 */
public record OsciSettings(URI intermediaryUrl, Duration fetchInterval, Path certificate, Path privateKey,
        Path intermediaryCertificate, Path intermediarySignatureCertificate) {

    public OsciSettings(URI intermediaryUrl, Duration fetchInterval, Path certificate, Path privateKey,
            Path intermediaryCertificate) {
        this(intermediaryUrl, fetchInterval, certificate, privateKey, intermediaryCertificate, null);
    }

    /** The certificate answers are verified against. */
    public Path signatureCertificate() {
        return intermediarySignatureCertificate != null ? intermediarySignatureCertificate : intermediaryCertificate;
    }

    public static final Duration DEFAULT_FETCH_INTERVAL = Duration.ofMinutes(5);
    /** Guards the intermediary against a mistyped "5s" meant as minutes. */
    public static final Duration MIN_FETCH_INTERVAL = Duration.ofSeconds(10);

    public OsciSettings {
        Violations v = new Violations();
        if (v.requireNonNull("intermediaryUrl", intermediaryUrl)) {
            String scheme = intermediaryUrl.getScheme() == null ? ""
                    : intermediaryUrl.getScheme().toLowerCase(Locale.ROOT);
            if (!intermediaryUrl.isAbsolute() || intermediaryUrl.getHost() == null
                    || !(scheme.equals("https") || scheme.equals("http"))) {
                v.add("intermediaryUrl", "an absolute http(s) URL with a host expected");
            }
        }
        if (v.requireNonNull("fetchInterval", fetchInterval) && fetchInterval.compareTo(MIN_FETCH_INTERVAL) < 0) {
            v.add("fetchInterval", "must be at least " + MIN_FETCH_INTERVAL.toSeconds() + " seconds");
        }
        v.requireNonNull("certificate", certificate);
        v.requireNonNull("privateKey", privateKey);
        v.requireNonNull("intermediaryCertificate", intermediaryCertificate);
        v.throwIfAny();
    }
}
