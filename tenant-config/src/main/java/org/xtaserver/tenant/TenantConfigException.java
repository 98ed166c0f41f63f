package org.xtaserver.tenant;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A tenant configuration value breaks a rule. Thrown by the model's compact constructors; each
 * {@link Violation} names the offending field relative to the record that threw, so the file
 * loader can prefix it with the position in the tenant file (e.g. {@code clients[0].}).
 */
public final class TenantConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** One broken rule: {@code field} is a dotted/indexed path ("" for the value as a whole). */
    public record Violation(String field, String reason) {

        public Violation {
            field = field == null ? "" : field;
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("reason must not be blank");
            }
        }

        /** This violation as seen from an enclosing value at {@code prefix}. */
        public Violation under(String prefix) {
            return new Violation(FieldPath.join(prefix, field), reason);
        }

        @Override
        public String toString() {
            return field.isEmpty() ? reason : field + ": " + reason;
        }
    }

    private final transient List<Violation> violations;

    public TenantConfigException(String field, String reason) {
        this(List.of(new Violation(field, reason)));
    }

    public TenantConfigException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("at least one violation expected");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
