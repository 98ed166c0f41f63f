package org.xtaserver.tenant;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.xtaserver.tenant.TenantFiles.FileResult;
import org.xtaserver.tenant.TenantFiles.FolderScan;

/**
 * Decides which version of each tenant is in force after a folder scan.
 *
 * <ul>
 * <li>A valid file wins over the previous version of its tenant.</li>
 * <li>An invalid file leaves the previous (last good) version in force; without one, the tenant
 * is absent.</li>
 * <li>A tenant whose file is gone is removed, unless the folder itself could not be listed (an
 * unmounted volume must not wipe every tenant).</li>
 * <li>A postbox identifier or certificate matcher claimed by several tenants stays with the
 * tenant that had it before; every other claimant falls back to its previous version. When no
 * claimant had it before (always so on a cold start) all claimants fall back. Falling back can
 * create a new overlap with another new version, so this repeats until nothing overlaps; previous
 * versions never overlap each other, so it ends.</li>
 * </ul>
 */
final class TenantResolver {

    /** A tenant in force and the file it came from. */
    record Entry(Tenant tenant, Path file, String contentSha256) {
    }

    record Resolution(TenantDirectory directory, Map<TenantId, Entry> entries, List<TenantConfigProblem> problems,
            Set<Path> rejectedFiles, Set<TenantId> keptLastGood) {
    }

    private TenantResolver() {
    }

    static Resolution resolve(FolderScan scan, Map<TenantId, Entry> previous) {
        List<TenantConfigProblem> problems = new ArrayList<>(scan.folderProblems());
        if (!scan.listed()) {
            return new Resolution(directory(previous), previous, problems, Set.of(), new TreeSet<>(previous.keySet()));
        }
        Map<TenantId, Entry> candidates = new TreeMap<>();
        Set<TenantId> fresh = new HashSet<>();
        Set<Path> rejected = new LinkedHashSet<>();
        Set<TenantId> kept = new TreeSet<>();
        for (FileResult r : scan.files()) {
            problems.addAll(r.problems());
            if (r.tenant() != null) {
                candidates.put(r.id(), new Entry(r.tenant(), r.file(), r.contentSha256()));
                fresh.add(r.id());
            } else {
                rejected.add(r.file());
                if (r.id() != null && previous.containsKey(r.id())) {
                    candidates.putIfAbsent(r.id(), previous.get(r.id()));
                    kept.add(r.id());
                }
            }
        }
        Map<Object, TenantId> previousOwners = new HashMap<>();
        previous.forEach((id, e) -> Claims.of(e.tenant()).forEach(c -> previousOwners.put(c.key(), id)));

        boolean changed;
        do {
            changed = false;
            Map<Object, Map<TenantId, Claims.Claim>> claimants = new LinkedHashMap<>();
            candidates.forEach((id, e) -> Claims.of(e.tenant()).forEach(c ->
                    claimants.computeIfAbsent(c.key(), k -> new TreeMap<>()).putIfAbsent(id, c)));
            Set<TenantId> losers = new TreeSet<>();
            for (Map.Entry<Object, Map<TenantId, Claims.Claim>> conflict : claimants.entrySet()) {
                Map<TenantId, Claims.Claim> byTenant = conflict.getValue();
                if (byTenant.size() < 2) {
                    continue;
                }
                TenantId owner = previousOwners.get(conflict.getKey());
                boolean ownerKeeps = owner != null && byTenant.containsKey(owner);
                for (Map.Entry<TenantId, Claims.Claim> claim : byTenant.entrySet()) {
                    TenantId id = claim.getKey();
                    if (ownerKeeps && id.equals(owner)) {
                        continue;
                    }
                    String others = byTenant.keySet().stream().filter(o -> !o.equals(id)).map(TenantId::value)
                            .collect(Collectors.joining(", "));
                    String outcome = ownerKeeps ? "; tenant " + owner + " keeps it because it had it before"
                            : "; no tenant gets it until only one file claims it";
                    problems.add(new TenantConfigProblem(candidates.get(id).file(), claim.getValue().field(),
                            claim.getValue().description() + " is also claimed by tenant " + others + outcome));
                    losers.add(id);
                }
            }
            for (TenantId loser : losers) {
                changed = true;
                rejected.add(candidates.get(loser).file());
                Entry fallback = previous.get(loser);
                // A previous version only loses if it was not the owner: impossible for a consistent
                // previous state, but drop it rather than loop forever.
                if (fresh.remove(loser) && fallback != null) {
                    candidates.put(loser, fallback);
                    kept.add(loser);
                } else {
                    candidates.remove(loser);
                    kept.remove(loser);
                }
            }
        } while (changed);
        return new Resolution(directory(candidates), Map.copyOf(candidates), problems, rejected, kept);
    }

    private static TenantDirectory directory(Map<TenantId, Entry> entries) {
        return TenantDirectory.of(entries.values().stream().map(Entry::tenant).toList());
    }
}
