package org.xtaserver.osci.client;

import org.xtaserver.osci.message.OsciOutcome;

/** The HTTP exchange failed (connection, timeout, status, undecryptable or unparsable answer); retry later. */
public class OsciTransportException extends OsciException {

    private static final long serialVersionUID = 1L;

    public OsciTransportException(OsciOutcome outcome, String message, Throwable cause) {
        super(outcome, message, cause);
    }
}
