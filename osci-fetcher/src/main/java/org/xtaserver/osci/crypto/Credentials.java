package org.xtaserver.osci.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Objects;

/**
 * A private key with its X.509 certificate (a signing or a decryption identity).
 *
 * @param privateKey the private key (may come from an HSM provider)
 * @param certificate its certificate
 */
public record Credentials(PrivateKey privateKey, X509Certificate certificate) {

    public Credentials {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** Loads the first key entry (or {@code alias}) of a PKCS#12 file. */
    public static Credentials fromPkcs12(Path file, char[] pin, String alias) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pin);
            String a = alias;
            if (a == null || !ks.isKeyEntry(a)) {
                a = Collections.list(ks.aliases()).stream().filter(n -> {
                    try {
                        return ks.isKeyEntry(n);
                    } catch (GeneralSecurityException e) {
                        return false;
                    }
                }).findFirst().orElseThrow(() -> new IllegalArgumentException("no key entry in " + file));
            }
            return new Credentials((PrivateKey) ks.getKey(a, pin), (X509Certificate) ks.getCertificate(a));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read PKCS#12 " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads a DER or PEM certificate. */
    public static X509Certificate certificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Certificates.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read certificate " + file + ": " + e.getMessage(), e);
        }
    }
}
