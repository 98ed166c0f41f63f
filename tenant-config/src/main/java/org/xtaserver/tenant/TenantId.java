package org.xtaserver.tenant;

import java.util.regex.Pattern;

/**
 * Identifies a tenant (one municipality). Restricted to a DNS-1123 label (lowercase letters,
 * digits and '-', 1..63 characters, starting and ending with a letter or digit) so that it can be
 * used unchanged as a Prometheus label value, a Kubernetes object name and a file name.
 *
 * @param value the identifier, e.g. {@code musterstadt}
 */
public record TenantId(String value) implements Comparable<TenantId> {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    public TenantId {
        if (value == null) {
            throw new TenantConfigException("", "required");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new TenantConfigException("", "not a tenant id (lowercase letters, digits and '-', "
                    + "1 to 63 characters, starting and ending with a letter or digit): '"
                    + abbreviate(value) + "'");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    /** Whether {@code value} is a well-formed tenant id. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 80) + "...";
    }
}
