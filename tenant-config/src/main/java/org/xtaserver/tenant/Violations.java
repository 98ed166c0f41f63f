package org.xtaserver.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every broken rule of one value before throwing, so an operator sees all mistakes of a
 * record at once instead of one per attempt.
 */
final class Violations {

    // Control characters would let a configured value forge log lines or metric labels.
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final List<TenantConfigException.Violation> list = new ArrayList<>();

    void add(String field, String reason) {
        list.add(new TenantConfigException.Violation(field, reason));
    }

    void addAll(String prefix, TenantConfigException e) {
        e.violations().forEach(v -> list.add(v.under(prefix)));
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** Required text: present, not blank, no control characters, at most {@code maxLength} chars. */
    boolean requireText(String field, String value, int maxLength) {
        if (value == null) {
            add(field, "required");
            return false;
        }
        return optionalText(field, value, maxLength);
    }

    /** Optional text: absent, or a valid required text. */
    boolean optionalText(String field, String value, int maxLength) {
        if (value == null) {
            return true;
        }
        if (value.isBlank()) {
            add(field, "must not be blank");
            return false;
        }
        if (CONTROL.matcher(value).find()) {
            add(field, "must not contain control characters");
            return false;
        }
        if (value.length() > maxLength) {
            add(field, "longer than " + maxLength + " characters");
            return false;
        }
        return true;
    }

    boolean requireNonNull(String field, Object value) {
        if (value == null) {
            add(field, "required");
            return false;
        }
        return true;
    }

    /** Every element present; an empty YAML list item ({@code - }) arrives as null. */
    boolean requireElements(String field, List<?> values) {
        boolean ok = true;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                add(FieldPath.index(field, i), "must not be empty");
                ok = false;
            }
        }
        return ok;
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new TenantConfigException(list);
        }
    }
}
