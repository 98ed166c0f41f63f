package org.xtaserver.osci.mime;

/** The bytes are not a multipart message in the OSCI dialect. */
public class MimeFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MimeFormatException(String message) {
        super(message);
    }
}
