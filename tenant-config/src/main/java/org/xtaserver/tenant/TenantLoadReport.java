package org.xtaserver.tenant;

import java.util.List;

/**
 * The outcome of loading a tenant folder: the tenants that passed every check, and every problem
 * found. A tenant with any problem is absent from {@link #directory()}.
 *
 * @param directory the valid tenants
 * @param problems every problem, in file order
 */
public record TenantLoadReport(TenantDirectory directory, List<TenantConfigProblem> problems) {

    public TenantLoadReport {
        problems = List.copyOf(problems);
    }

    /** The valid tenants, ordered by id. */
    public List<Tenant> tenants() {
        return directory.tenants();
    }

    /** True when every tenant file was accepted. */
    public boolean isClean() {
        return problems.isEmpty();
    }
}
