package org.xtaserver.osci.mime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One part of an OSCI multipart/related message: its MIME headers (names compared case-insensitively)
 * and its body bytes exactly as framed (never transfer-decoded: OSCI parts are {@code 8bit}, {@code 8-bit}
 * or {@code binary}).
 *
 * @param headers the part headers in wire order, names as sent
 * @param body the raw body bytes
 */
public record MimePart(Map<String, String> headers, byte[] body) {

    public MimePart {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** Header value by case-insensitive name, or {@code null}. */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The Content-ID without angle brackets, or {@code null}. */
    public String contentId() {
        String id = header("Content-ID");
        if (id == null) {
            return null;
        }
        id = id.trim();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return id;
    }

    /** A part with the usual OSCI headers. */
    public static MimePart of(String contentType, String transferEncoding, String contentId, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        h.put("Content-Transfer-Encoding", transferEncoding);
        h.put("Content-ID", "<" + contentId + ">");
        return new MimePart(h, body);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
