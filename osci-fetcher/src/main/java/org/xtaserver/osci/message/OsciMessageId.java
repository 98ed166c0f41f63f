package org.xtaserver.osci.message;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * An OSCI message id as it appears on the wire ({@code xsd:base64Binary}). Governikus issues base64 of printable
 * ASCII ids and base64-encodes them again when sending (trap 10); this type holds the wire form.
 *
 * @param wire the base64 text exactly as in {@code osci:MessageId}
 */
public record OsciMessageId(String wire) {

    public OsciMessageId {
        Objects.requireNonNull(wire, "wire");
        wire = wire.trim();
        if (wire.isEmpty()) {
            throw new IllegalArgumentException("empty message id");
        }
        Base64.getMimeDecoder().decode(wire); // validates
    }

    /** The id from its plain form ({@code osci-peer-test-msg-0001} → {@code b3NjaS1w...}). */
    public static OsciMessageId ofPlain(String plain) {
        return new OsciMessageId(Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
    }

    /** The decoded form (printable for Governikus-issued ids). */
    public String plain() {
        return new String(Base64.getMimeDecoder().decode(wire), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return wire;
    }
}
