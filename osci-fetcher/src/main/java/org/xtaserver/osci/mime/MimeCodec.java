package org.xtaserver.osci.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Reads and writes OSCI multipart/related messages exactly in the Governikus dialect.
 *
 * <p>Reading tolerates: an HTTP {@code Content-Type} that says {@code text/xml} (the message headers are read
 * from the body), unquoted boundaries with {@code /} and {@code +}, a wrong {@code Content-Length} on a part
 * (parts always end at the next boundary), CRLF or bare LF line ends, any transfer encoding label (bodies are
 * never decoded). Writing produces CRLF framing, {@code MIME_boundary_} plus 32 base64 characters.
 */
public final class MimeCodec {

    private final RandomGenerator random;

    public MimeCodec() {
        this(new SecureRandom());
    }

    public MimeCodec(RandomGenerator random) {
        this.random = random;
    }

    /** A fresh boundary like the reference library's. */
    public String newBoundary() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return "MIME_boundary_" + Base64.getEncoder().encodeToString(b);
    }

    /** Serialises a message: message headers, parts, closing boundary. */
    public byte[] write(MimeMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line(out, "MIME-Version: 1.0");
        line(out, "Content-Type: Multipart/Related; boundary=" + message.boundary() + "; type=text/xml");
        line(out, "");
        for (MimePart part : message.parts()) {
            line(out, "--" + message.boundary());
            for (Map.Entry<String, String> h : part.headers().entrySet()) {
                line(out, h.getKey() + ": " + h.getValue());
            }
            line(out, "");
            out.writeBytes(part.body());
            line(out, "");
        }
        line(out, "--" + message.boundary() + "--");
        return out.toByteArray();
    }

    /** Parses a message whose MIME headers are at the top of {@code bytes}. */
    public MimeMessage parse(byte[] bytes) {
        int pos = 0;
        Map<String, String> top = new LinkedHashMap<>();
        pos = readHeaders(bytes, pos, top);
        String contentType = null;
        for (Map.Entry<String, String> e : top.entrySet()) {
            if (e.getKey().equalsIgnoreCase("Content-Type")) {
                contentType = e.getValue();
            }
        }
        if (contentType == null) {
            throw new MimeFormatException("no Content-Type in the message headers");
        }
        String boundary = boundaryOf(contentType);
        return new MimeMessage(boundary, parseParts(bytes, pos, boundary));
    }

    /** Extracts the boundary parameter: quoted, or unquoted up to {@code ;} or whitespace. */
    public static String boundaryOf(String contentType) {
        int i = MimePart.lower(contentType).indexOf("boundary=");
        if (i < 0) {
            throw new MimeFormatException("Content-Type without boundary: " + contentType);
        }
        String rest = contentType.substring(i + "boundary=".length());
        if (rest.startsWith("\"")) {
            int end = rest.indexOf('"', 1);
            if (end < 0) {
                throw new MimeFormatException("unterminated quoted boundary");
            }
            return rest.substring(1, end);
        }
        int end = 0;
        while (end < rest.length() && rest.charAt(end) != ';' && !Character.isWhitespace(rest.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new MimeFormatException("empty boundary");
        }
        return rest.substring(0, end);
    }

    private static List<MimePart> parseParts(byte[] bytes, int start, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        List<MimePart> parts = new ArrayList<>();
        int d = findDelimiter(bytes, start, delimiter);
        if (d < 0) {
            throw new MimeFormatException("boundary " + boundary + " not found");
        }
        while (true) {
            int after = d + delimiter.length;
            if (after + 1 < bytes.length && bytes[after] == '-' && bytes[after + 1] == '-') {
                return parts; // closing delimiter
            }
            int lineEnd = indexOf(bytes, (byte) '\n', after);
            if (lineEnd < 0) {
                throw new MimeFormatException("truncated after boundary");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            int bodyStart = readHeaders(bytes, lineEnd + 1, headers);
            int next = findDelimiter(bytes, bodyStart, delimiter);
            if (next < 0) {
                throw new MimeFormatException("missing closing boundary (truncated message?)");
            }
            int bodyEnd = next;
            // the delimiter's preceding CRLF (or LF) belongs to the delimiter
            if (bodyEnd > bodyStart && bytes[bodyEnd - 1] == '\n') {
                bodyEnd--;
                if (bodyEnd > bodyStart && bytes[bodyEnd - 1] == '\r') {
                    bodyEnd--;
                }
            }
            byte[] body = new byte[bodyEnd - bodyStart];
            System.arraycopy(bytes, bodyStart, body, 0, body.length);
            parts.add(new MimePart(headers, body));
            d = next;
        }
    }

    /** Finds "--boundary" at the start of the buffer or right after a line feed. */
    private static int findDelimiter(byte[] bytes, int from, byte[] delimiter) {
        int i = from;
        while (i <= bytes.length - delimiter.length) {
            if ((i == 0 || bytes[i - 1] == '\n') && regionMatches(bytes, i, delimiter)) {
                return i;
            }
            int nl = indexOf(bytes, (byte) '\n', i);
            if (nl < 0) {
                return -1;
            }
            i = nl + 1;
        }
        return -1;
    }

    private static boolean regionMatches(byte[] bytes, int at, byte[] what) {
        for (int k = 0; k < what.length; k++) {
            if (bytes[at + k] != what[k]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Reads header lines (with folding) up to the empty line; returns the offset after it. */
    private static int readHeaders(byte[] bytes, int pos, Map<String, String> into) {
        String lastName = null;
        while (true) {
            int nl = indexOf(bytes, (byte) '\n', pos);
            if (nl < 0) {
                throw new MimeFormatException("headers not terminated by an empty line");
            }
            int end = nl > pos && bytes[nl - 1] == '\r' ? nl - 1 : nl;
            String line = new String(bytes, pos, end - pos, StandardCharsets.ISO_8859_1);
            pos = nl + 1;
            if (line.isEmpty()) {
                if (into.isEmpty() && lastName == null) {
                    continue; // tolerate leading blank lines
                }
                return pos;
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && lastName != null) {
                into.put(lastName, into.get(lastName) + " " + line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MimeFormatException("malformed header line: " + line);
            }
            lastName = line.substring(0, colon).trim();
            into.put(lastName, line.substring(colon + 1).trim());
        }
    }

    private static void line(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        out.write('\r');
        out.write('\n');
    }
}
