package org.xtaserver.tenant;

import java.util.Objects;

/**
 * An XTA/OSCI party identifier (oscimeta {@code PartyIdentifierType}): the text {@code value}
 * plus the attributes {@code type} (required), {@code category} and {@code name} (optional).
 *
 * <p>Two identifiers are equal when {@code type} and {@code value} are equal: {@code category}
 * and {@code name} only describe the party, and senders do not always repeat them, so they must
 * not decide which postbox a message belongs to.
 *
 * @param type the identifier scheme, e.g. {@code xoev} or {@code XTA_ID}
 * @param category optional descriptive category, e.g. {@code Sozialamt}
 * @param name optional descriptive name, e.g. {@code Sozialamt Musterstadt}
 * @param value the identifier itself, compared exactly (case-sensitive)
 */
public record PartyId(String type, String category, String name, String value) {

    static final int MAX_LENGTH = 1024;

    public PartyId {
        Violations v = new Violations();
        v.requireText("type", type, MAX_LENGTH);
        v.optionalText("category", category, MAX_LENGTH);
        v.optionalText("name", name, MAX_LENGTH);
        v.requireText("value", value, MAX_LENGTH);
        v.throwIfAny();
    }

    /** An identifier without the descriptive attributes. */
    public static PartyId of(String type, String value) {
        return new PartyId(type, null, null, value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartyId p && type.equals(p.type) && value.equals(p.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, value);
    }

    /** {@code type:value}, the form used in logs and problem reports. */
    @Override
    public String toString() {
        return type + ":" + value;
    }
}
