package org.xtaserver.osci.crypto;

import java.util.Arrays;

/**
 * Symmetric content encryption of OSCI 1.2 (Korrigendum 5). GCM blobs are IV(12) || ciphertext || tag(16);
 * CBC blobs are IV(16) || ciphertext with XML Encryption padding.
 */
public enum SymmetricAlgorithm {
    AES128_GCM("http://www.w3.org/2009/xmlenc11#aes128-gcm", 16, true),
    AES192_GCM("http://www.w3.org/2009/xmlenc11#aes192-gcm", 24, true),
    AES256_GCM("http://www.w3.org/2009/xmlenc11#aes256-gcm", 32, true),
    AES128_CBC("http://www.w3.org/2001/04/xmlenc#aes128-cbc", 16, false),
    AES192_CBC("http://www.w3.org/2001/04/xmlenc#aes192-cbc", 24, false),
    AES256_CBC("http://www.w3.org/2001/04/xmlenc#aes256-cbc", 32, false);

    private final String uri;
    private final int keyLength;
    private final boolean gcm;

    SymmetricAlgorithm(String uri, int keyLength, boolean gcm) {
        this.uri = uri;
        this.keyLength = keyLength;
        this.gcm = gcm;
    }

    public String uri() {
        return uri;
    }

    public int keyLength() {
        return keyLength;
    }

    public boolean gcm() {
        return gcm;
    }

    public static SymmetricAlgorithm ofUri(String uri) {
        return Arrays.stream(values()).filter(a -> a.uri.equals(uri)).findFirst()
                .orElseThrow(() -> new OsciCryptoException("unsupported symmetric algorithm " + uri));
    }
}
