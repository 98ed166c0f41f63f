package org.xtaserver.osci.message;

/**
 * One {@code Feedback/Entry}.
 *
 * @param code four-digit code (0xxx success, 3xxx warning, 9xxx error)
 * @param text human-readable text
 * @param lang xml:lang
 */
public record FeedbackEntry(String code, String text, String lang) {

    public OsciOutcome outcome() {
        return OsciOutcome.ofCode(code);
    }

    @Override
    public String toString() {
        return code + " " + text;
    }
}
