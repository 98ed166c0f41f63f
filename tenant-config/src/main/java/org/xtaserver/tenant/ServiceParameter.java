package org.xtaserver.tenant;

/**
 * One parameter of a service offer, returned by XTA {@code lookupService}, e.g. type
 * {@code ENCRYPTION_CERTIFICATE} with a base64/PEM certificate as value. The value is kept as an
 * opaque string: the server passes it on and does not interpret it.
 *
 * @param type the parameter type
 * @param value the parameter value
 */
public record ServiceParameter(String type, String value) {

    static final int MAX_VALUE_LENGTH = 64 * 1024;

    public ServiceParameter {
        Violations v = new Violations();
        v.requireText("type", type, 256);
        if (v.requireNonNull("value", value) && value.length() > MAX_VALUE_LENGTH) {
            v.add("value", "longer than " + MAX_VALUE_LENGTH + " characters");
        }
        v.throwIfAny();
    }
}
