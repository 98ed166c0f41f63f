package org.xtaserver.tenant;

import java.nio.file.Path;

/**
 * One reason a tenant file (or the tenant folder) was not accepted.
 *
 * @param file the tenant file, or the folder for problems not tied to one file
 * @param field path of the field inside the file, e.g. {@code clients[0].certificates[0].sha256};
 *     empty when the problem concerns the file as a whole
 * @param reason what is wrong, phrased for the operator
 */
public record TenantConfigProblem(Path file, String field, String reason) {

    public TenantConfigProblem {
        if (file == null || reason == null) {
            throw new IllegalArgumentException("file and reason are required");
        }
        field = field == null ? "" : field;
    }

    /** Reads like {@code tenants/musterstadt.yaml: clients[0].certificates[0].sha256: not a ...}. */
    @Override
    public String toString() {
        return field.isEmpty() ? file + ": " + reason : file + ": " + field + ": " + reason;
    }
}
