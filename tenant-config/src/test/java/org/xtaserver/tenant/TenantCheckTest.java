package org.xtaserver.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xtaserver.tenant.TenantYaml.sha;
import static org.xtaserver.tenant.TenantYaml.tenant;
import static org.xtaserver.tenant.TenantYaml.write;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantCheckTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void returnsZeroWhenEveryFileIsValid() {
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:a", sha(1)));

        int exit = new TenantCheck(TestPki.CLOCK).run(dir, out);

        assertThat(exit).isZero();
        assertThat(output()).contains("ok: tenant musterstadt (Tenant musterstadt): 1 postbox(es), 1 client(s)")
                .contains("1 tenant(s) valid, 0 problem(s)");
    }

    @Test
    void printsEveryProblemAndReturnsOne() {
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:a", "xyz").replace("displayName:", "title:"));
        write(dir, "beispielhausen.yaml", tenant("beispielhausen", "demo:b", "xyz"));
        write(dir, "ok.yaml", tenant("ok", "demo:ok", sha(1)));

        int exit = new TenantCheck(new TenantFiles(TestPki.CLOCK)).run(dir, out);

        assertThat(exit).isEqualTo(1);
        assertThat(output()).contains(dir.resolve("musterstadt.yaml") + ": title: unknown field")
                .contains(dir.resolve("beispielhausen.yaml")
                        + ": clients[0].certificates[0].sha256: not a SHA-256 fingerprint")
                .contains("1 tenant(s) valid, 2 problem(s)");
    }
}
