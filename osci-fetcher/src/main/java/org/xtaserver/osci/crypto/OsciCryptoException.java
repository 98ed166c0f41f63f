package org.xtaserver.osci.crypto;

/** Transport encryption or signature processing failed (wrong key, tampered data, unsupported algorithm). */
public class OsciCryptoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OsciCryptoException(String message) {
        super(message);
    }

    public OsciCryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
