package org.xtaserver.osci.mime;

import java.util.List;
import java.util.Optional;

/**
 * A multipart/related message in the OSCI 1.2 dialect: message headers at the top of the body, an unquoted
 * boundary (may contain {@code /} and {@code +}), the first part {@code <osci@message>}.
 *
 * @param boundary the boundary without leading dashes
 * @param parts the parts in wire order
 */
public record MimeMessage(String boundary, List<MimePart> parts) {

    /** Content-ID of the part holding the SOAP envelope. */
    public static final String OSCI_MESSAGE = "osci@message";
    /** Content-ID of the transport-encrypted blob. */
    public static final String OSCI_ENC = "osci_enc";

    public MimeMessage {
        parts = List.copyOf(parts);
    }

    /** The part with this Content-ID (without brackets). */
    public Optional<MimePart> part(String contentId) {
        return parts.stream().filter(p -> contentId.equals(p.contentId())).findFirst();
    }

    /** The part with this Content-ID or an exception naming it. */
    public MimePart requirePart(String contentId) {
        return part(contentId).orElseThrow(() -> new MimeFormatException("MIME part <" + contentId + "> missing"));
    }
}
