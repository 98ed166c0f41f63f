package org.xtaserver.tenant.pki;

/** A cryptographic operation failed for reasons the caller cannot fix (missing algorithm, bad key). */
public class PkiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PkiException(String message, Throwable cause) {
        super(message, cause);
    }

    public PkiException(String message) {
        super(message);
    }
}
