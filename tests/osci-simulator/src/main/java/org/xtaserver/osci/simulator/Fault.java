package org.xtaserver.osci.simulator;

/** Failures the simulator can inject into its next response(s). */
public enum Fault {
    /** Send the HTTP headers and half of the body, then close the connection. */
    DROP_CONNECTION,
    /** Answer HTTP 500 without an OSCI message. */
    HTTP_500,
    /** Wait {@code slowDelay} before answering (normally). */
    SLOW,
    /** Sign the response with a key that is not the intermediary's. */
    WRONG_SIGNATURE,
    /** Echo a wrong Response in the ControlBlock. */
    WRONG_CHALLENGE,
    /** Present an expired SignatureCertificateIntermediary (same key). */
    EXPIRED_CERTIFICATE
}
