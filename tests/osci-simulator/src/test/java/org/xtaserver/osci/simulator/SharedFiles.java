package org.xtaserver.osci.simulator;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates /work/shared via the {@code xta.shared.dir} system property (set by Surefire from the parent pom). */
final class SharedFiles {

    private SharedFiles() {
    }

    static Path dir() {
        String p = System.getProperty("xta.shared.dir");
        Path dir = p == null ? null : Path.of(p).toAbsolutePath().normalize();
        boolean present = dir != null && Files.isDirectory(dir.resolve("osci12-golden"))
                && Files.isDirectory(dir.resolve("osci12-schema"));
        if (!present) {
            System.err.println("\n!!!!!!!! SKIPPED: OSCI reference files not found (xta.shared.dir=" + p
                    + "); golden/schema tests did NOT run !!!!!!!!\n");
        }
        assumeTrue(present, "shared reference folder absent: " + p);
        return dir;
    }

    static Path golden() {
        return dir().resolve("osci12-golden");
    }

    static Path schemas() {
        return dir().resolve("osci12-schema");
    }
}
