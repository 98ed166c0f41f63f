package org.xtaserver.osci.client;

import org.xtaserver.osci.message.FeedbackEntry;

/** The intermediary answered with an error code (9xxx feedback entry or SOAP fault). */
public class OsciFeedbackException extends OsciException {

    private static final long serialVersionUID = 1L;
    private final FeedbackEntry feedback;

    public OsciFeedbackException(FeedbackEntry feedback) {
        super(feedback.outcome(), "intermediary feedback " + feedback.code() + " \"" + feedback.text() + "\"", null);
        this.feedback = feedback;
    }

    /** The code and text as sent. */
    public FeedbackEntry feedback() {
        return feedback;
    }

    public String code() {
        return feedback.code();
    }
}
