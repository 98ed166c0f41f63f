package org.xtaserver.tenant;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The {@code xta-server tenants check DIR} command: loads a tenant folder like a cold start of the
 * server would and prints every problem, so changes can be checked before they are deployed.
 */
public final class TenantCheck {

    private final TenantFiles files;

    public TenantCheck(TenantFiles files) {
        this.files = files;
    }

    public TenantCheck(Clock clock) {
        this(new TenantFiles(clock));
    }

    /**
     * Checks the folder.
     *
     * @return 0 when every tenant file is valid, 1 otherwise (usable as the process exit code)
     */
    public int run(Path folder, PrintStream out) {
        TenantLoadReport report = files.load(folder);
        report.problems().forEach(out::println);
        for (Tenant t : report.tenants()) {
            out.printf("ok: tenant %s (%s): %d postbox(es), %d client(s)%n", t.id(), t.displayName(),
                    t.postboxes().size(), t.clients().size());
        }
        out.printf("%d tenant(s) valid, %d problem(s) in %s%n", report.tenants().size(), report.problems().size(),
                folder);
        return report.isClean() ? 0 : 1;
    }
}
