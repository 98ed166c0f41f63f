package org.xtaserver.tenant;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What a {@link TenantRegistry#reload()} changed.
 *
 * @param directory the directory now in force
 * @param added tenants that were not loaded before
 * @param updated tenants whose file changed and was accepted
 * @param removed tenants whose file was deleted
 * @param keptLastGood tenants whose current file was rejected, so their previous version stays
 * @param rejectedFiles files not applied (invalid, or losing a claim to another tenant)
 * @param problems every problem found in this reload
 */
public record TenantReloadReport(TenantDirectory directory, Set<TenantId> added, Set<TenantId> updated,
        Set<TenantId> removed, Set<TenantId> keptLastGood, Set<Path> rejectedFiles,
        List<TenantConfigProblem> problems) {

    public TenantReloadReport {
        added = Set.copyOf(added);
        updated = Set.copyOf(updated);
        removed = Set.copyOf(removed);
        keptLastGood = Set.copyOf(keptLastGood);
        rejectedFiles = Set.copyOf(rejectedFiles);
        problems = List.copyOf(problems);
    }

    /** Whether the directory in force differs from the one before. */
    public boolean changed() {
        return !added.isEmpty() || !updated.isEmpty() || !removed.isEmpty();
    }

    /** Whether every file was accepted. */
    public boolean isClean() {
        return problems.isEmpty();
    }
}
