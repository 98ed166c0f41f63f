package org.xtaserver.tenant.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads and writes PKCS#12 key stores holding one private key with its certificate chain.
 *
 * <p>Written files use PBES2 (PBKDF2 with HMAC-SHA-256, AES-256-CBC) for the key and the
 * certificates and an HMAC-SHA-256 integrity MAC: what Java 17's own {@code KeyStore "PKCS12"}
 * writes by default and reads, and what current OpenSSL (3.x) accepts without legacy mode.
 * Reading uses the JDK key store, so files from other tools work as far as the JDK supports them.
 */
public final class Pkcs12 {

    private static final int ITERATIONS = 10_000;

    private Pkcs12() {
    }

    /**
     * The key entry of a PKCS#12 file.
     *
     * @param alias its alias (friendly name)
     * @param privateKey the private key
     * @param chain the certificate chain, end-entity certificate first
     */
    public record Entry(String alias, PrivateKey privateKey, List<X509Certificate> chain) {

        public Entry {
            chain = List.copyOf(chain);
        }

        public X509Certificate certificate() {
            return chain.get(0);
        }

        /** Leaves the private key out: a record's default toString would print it. */
        @Override
        public String toString() {
            return "Pkcs12.Entry[alias=" + alias + ", subject="
                    + certificate().getSubjectX500Principal().getName() + "]";
        }
    }

    /** Reads the first key entry of a PKCS#12 file. */
    public static Entry read(Path file, char[] password) throws IOException {
        KeyStore store = load(file, password);
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
                    List<X509Certificate> certificates = new ArrayList<>();
                    for (Certificate c : chain) {
                        certificates.add((X509Certificate) c);
                    }
                    return new Entry(alias, privateKey, certificates);
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw new IOException("wrong password for the key in " + file);
        } catch (GeneralSecurityException e) {
            throw new IOException("unreadable PKCS#12 file " + file + ": " + e.getMessage(), e);
        }
        throw new IOException("no private key entry in " + file);
    }

    /** Loads a PKCS#12 file as a JDK key store. */
    public static KeyStore load(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IOException("wrong password for " + file, e);
            }
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IOException("unreadable PKCS#12 file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes key and chain to a PKCS#12 file readable by the owner only. */
    public static void write(Path file, String alias, PrivateKey key, List<X509Certificate> chain, char[] password)
            throws IOException {
        SecureFiles.writeAtomically(file, encode(alias, key, chain, password), true);
    }

    /**
     * The DER encoding of a PKCS#12 file holding key and chain (end-entity certificate first).
     *
     * <p>Written by the JDK's own PKCS12 key store (PBES2 with AES-256 and HMAC-SHA256 since Java
     * 17): a BouncyCastle provider instance cannot be used for this inside a Spring Boot fat jar,
     * where the JCE refuses to authenticate provider classes from a nested jar.
     */
    public static byte[] encode(String alias, PrivateKey key, List<X509Certificate> chain, char[] password) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("chain must contain at least the certificate of the key");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setEntry(alias, new KeyStore.PrivateKeyEntry(key, chain.toArray(Certificate[]::new)),
                    new KeyStore.PasswordProtection(password, "PBEWithHmacSHA256AndAES_256",
                            new javax.crypto.spec.PBEParameterSpec(salt(), ITERATIONS)));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new PkiException("creating PKCS#12 for " + alias + " failed", e);
        }
    }

    private static byte[] salt() {
        byte[] salt = new byte[20];
        new java.security.SecureRandom().nextBytes(salt);
        return salt;
    }
}
