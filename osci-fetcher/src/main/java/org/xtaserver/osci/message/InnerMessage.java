package org.xtaserver.osci.message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xtaserver.osci.mime.MimeCodec;
import org.xtaserver.osci.mime.MimeMessage;
import org.xtaserver.osci.mime.MimePart;

/**
 * The transport plaintext: inner MIME message with the envelope part {@code <osci@message>} and attachments
 * (end-to-end encrypted or not, always passed through as bytes).
 *
 * @param envelope the inner SOAP envelope bytes
 * @param attachments attachment bodies by Content-ID (without brackets), in wire order
 */
public record InnerMessage(byte[] envelope, Map<String, byte[]> attachments) {

    public InnerMessage {
        attachments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attachments));
    }

    public byte[] toMime(MimeCodec codec) {
        List<MimePart> parts = new ArrayList<>();
        parts.add(MimePart.of("text/xml; charset=UTF-8", "8bit", MimeMessage.OSCI_MESSAGE, envelope));
        attachments.forEach((id, body) -> {
            Map<String, String> h = new LinkedHashMap<>(MimePart.of("application/octet-stream", "binary", id, body)
                    .headers());
            h.put("Content-Length", Integer.toString(body.length));
            parts.add(new MimePart(h, body));
        });
        return codec.write(new MimeMessage(codec.newBoundary(), parts));
    }

    public static InnerMessage fromMime(MimeCodec codec, byte[] mime) {
        MimeMessage m = codec.parse(mime);
        byte[] env = m.requirePart(MimeMessage.OSCI_MESSAGE).body();
        Map<String, byte[]> att = new LinkedHashMap<>();
        for (MimePart p : m.parts()) {
            if (!MimeMessage.OSCI_MESSAGE.equals(p.contentId())) {
                att.put(p.contentId(), p.body());
            }
        }
        return new InnerMessage(env, att);
    }
}
