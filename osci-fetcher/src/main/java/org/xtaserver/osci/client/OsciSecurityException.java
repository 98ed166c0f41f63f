package org.xtaserver.osci.client;

import org.xtaserver.osci.message.OsciOutcome;

/** A response failed a security check (signature, challenge echo, intermediary certificate): do not trust it. */
public class OsciSecurityException extends OsciException {

    private static final long serialVersionUID = 1L;

    public OsciSecurityException(OsciOutcome outcome, String message, Throwable cause) {
        super(outcome, message, cause);
    }
}
