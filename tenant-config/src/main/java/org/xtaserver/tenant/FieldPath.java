package org.xtaserver.tenant;

/** Builds field paths like {@code clients[0].certificates[1].sha256} for problem reports. */
final class FieldPath {

    private FieldPath() {
    }

    static String join(String prefix, String field) {
        if (prefix == null || prefix.isEmpty()) {
            return field == null ? "" : field;
        }
        if (field == null || field.isEmpty()) {
            return prefix;
        }
        return field.startsWith("[") ? prefix + field : prefix + "." + field;
    }

    static String index(String prefix, int index) {
        return prefix + "[" + index + "]";
    }
}
