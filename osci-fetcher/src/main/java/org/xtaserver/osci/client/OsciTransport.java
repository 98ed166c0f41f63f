package org.xtaserver.osci.client;

/** Carries one OSCI request body to the intermediary and returns the response body. */
public interface OsciTransport {

    /**
     * @param requestBody the outer MIME message
     * @return the response body (outer MIME message)
     * @throws OsciTransportException on connection failure, timeout or non-200 status
     */
    byte[] exchange(byte[] requestBody);
}
