package org.xtaserver.osci.client;

import org.xtaserver.osci.message.OsciOutcome;

/** An OSCI exchange failed; {@link #outcome()} says how (feedback code, security check or transport). */
public class OsciException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final OsciOutcome outcome;

    public OsciException(OsciOutcome outcome, String message, Throwable cause) {
        super(outcome + ": " + outcome.description() + " - " + message, cause);
        this.outcome = outcome;
    }

    public OsciOutcome outcome() {
        return outcome;
    }
}
