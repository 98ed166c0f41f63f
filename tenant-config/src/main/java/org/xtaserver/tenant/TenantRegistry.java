package org.xtaserver.tenant;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the tenant directory in force and replaces it on {@link #reload()}. Readers call
 * {@link #current()} per request and get a consistent snapshot without locking.
 *
 * <p>A reload keeps the last good version of a tenant whose file became invalid, adds new valid
 * tenants, and removes tenants whose file was deleted; a postbox identifier or certificate claimed
 * by two tenants stays with the tenant that had it before (details in the module README).
 * The first reload starts from nothing, so it behaves like {@link TenantFiles#load(Path)}. When
 * to reload is up to the caller (the server schedules it).
 */
public final class TenantRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(TenantRegistry.class);

    private record State(TenantDirectory directory, Map<TenantId, TenantResolver.Entry> entries,
            List<TenantConfigProblem> problems) {
    }

    private final Path folder;
    private final TenantFiles files;
    private final AtomicReference<State> state =
            new AtomicReference<>(new State(TenantDirectory.empty(), Map.of(), List.of()));
    private final List<TenantRegistryListener> listeners = new CopyOnWriteArrayList<>();

    /** Starts empty; call {@link #reload()} to load the folder. */
    public TenantRegistry(Path folder, TenantFiles files) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.files = Objects.requireNonNull(files, "files");
    }

    /** The directory in force. */
    public TenantDirectory current() {
        return state.get().directory();
    }

    public Path folder() {
        return folder;
    }

    public void addListener(TenantRegistryListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(TenantRegistryListener listener) {
        listeners.remove(listener);
    }

    /** Re-reads the folder, puts the result in force and tells listeners if anything changed. */
    public synchronized TenantReloadReport reload() {
        State before = state.get();
        TenantResolver.Resolution r = TenantResolver.resolve(files.scan(folder), before.entries());

        Set<TenantId> added = new TreeSet<>(r.entries().keySet());
        added.removeAll(before.entries().keySet());
        Set<TenantId> removed = new TreeSet<>(before.entries().keySet());
        removed.removeAll(r.entries().keySet());
        Set<TenantId> updated = new TreeSet<>();
        r.entries().forEach((id, now) -> {
            TenantResolver.Entry was = before.entries().get(id);
            if (was != null && was != now && (!Objects.equals(was.contentSha256(), now.contentSha256())
                    || !was.tenant().equals(now.tenant()))) {
                updated.add(id);
            }
        });

        state.set(new State(r.directory(), r.entries(), r.problems()));
        TenantReloadReport report = new TenantReloadReport(r.directory(), added, updated, removed,
                r.keptLastGood(), r.rejectedFiles(), r.problems());
        log(report, before.problems());
        if (report.changed()) {
            notifyListeners(report);
        }
        return report;
    }

    private void log(TenantReloadReport report, List<TenantConfigProblem> previousProblems) {
        report.added().forEach(id -> LOG.info("Tenant {} added", id));
        report.updated().forEach(id -> LOG.info("Tenant {} updated", id));
        report.removed().forEach(id -> LOG.info("Tenant {} removed (file deleted)", id));
        // Periodic reloads would repeat every warning; warn once, until the problem is fixed.
        Set<TenantConfigProblem> known = new HashSet<>(previousProblems);
        for (TenantConfigProblem p : report.problems()) {
            if (known.contains(p)) {
                LOG.debug("Tenant configuration problem persists: {}", p);
            } else {
                LOG.warn("Tenant configuration problem: {}", p);
            }
        }
        report.keptLastGood().forEach(id -> LOG.debug("Tenant {} keeps its last good version", id));
        if (!previousProblems.isEmpty() && report.problems().isEmpty()) {
            LOG.info("All tenant files in {} are valid again", folder);
        }
    }

    private void notifyListeners(TenantReloadReport report) {
        for (TenantRegistryListener listener : listeners) {
            try {
                listener.tenantsChanged(report);
            } catch (RuntimeException e) {
                LOG.error("Tenant registry listener {} failed", listener, e);
            }
        }
    }
}
