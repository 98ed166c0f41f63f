package org.xtaserver.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xtaserver.tenant.TenantYaml.sha;
import static org.xtaserver.tenant.TenantYaml.tenant;
import static org.xtaserver.tenant.TenantYaml.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantRegistryTest {

    private static final PartyId SHARED = PartyId.of("xoev", "demo:shared");

    @TempDir
    Path dir;

    private TenantRegistry registry() {
        return new TenantRegistry(dir, new TenantFiles(TestPki.CLOCK));
    }

    private static List<String> ids(TenantDirectory directory) {
        return directory.tenants().stream().map(t -> t.id().value()).toList();
    }

    @Test
    void startsEmptyAndTheFirstReloadAddsEveryValidTenant() {
        write(dir, "a.yaml", tenant("a", "demo:a", sha(1)));
        write(dir, "b.yaml", tenant("b", "demo:b", sha(2)));
        TenantRegistry registry = registry();
        assertThat(registry.current().tenants()).isEmpty();

        TenantReloadReport report = registry.reload();

        assertThat(report.added()).extracting(TenantId::value).containsExactlyInAnyOrder("a", "b");
        assertThat(report.updated()).isEmpty();
        assertThat(report.removed()).isEmpty();
        assertThat(report.isClean()).isTrue();
        assertThat(report.changed()).isTrue();
        assertThat(ids(registry.current())).containsExactly("a", "b");
        assertThat(report.directory()).isSameAs(registry.current());
    }

    @Test
    void reloadingUnchangedFilesChangesNothing() {
        write(dir, "a.yaml", tenant("a", "demo:a", sha(1)));
        TenantRegistry registry = registry();
        registry.reload();
        TenantDirectory before = registry.current();

        TenantReloadReport report = registry.reload();

        assertThat(report.changed()).isFalse();
        assertThat(registry.current().tenants()).isEqualTo(before.tenants());
    }

    @Test
    void keepsTheLastGoodVersionOfATenantWhoseFileBecameInvalid() {
        write(dir, "a.yaml", tenant("a", "demo:a", sha(1)));
        write(dir, "b.yaml", tenant("b", "demo:b", sha(2)));
        TenantRegistry registry = registry();
        registry.reload();

        write(dir, "a.yaml", tenant("a", "demo:a", sha(1)).replace("displayName:", "displayNam:"));
        write(dir, "b.yaml", tenant("b", "demo:b-new", sha(2)));
        TenantReloadReport report = registry.reload();

        assertThat(report.keptLastGood()).extracting(TenantId::value).containsExactly("a");
        assertThat(report.rejectedFiles()).containsExactly(dir.resolve("a.yaml"));
        assertThat(report.updated()).extracting(TenantId::value).containsExactly("b");
        assertThat(report.problems()).extracting(TenantConfigProblem::field).containsExactly("displayNam");
        assertThat(registry.current().postboxOwner(PartyId.of("xoev", "demo:a"))).isPresent();
        assertThat(registry.current().postboxOwner(PartyId.of("xoev", "demo:b-new"))).isPresent();
        assertThat(registry.current().postboxOwner(PartyId.of("xoev", "demo:b"))).isEmpty();

        write(dir, "a.yaml", tenant("a", "demo:a-fixed", sha(1)));
        TenantReloadReport fixed = registry.reload();

        assertThat(fixed.isClean()).isTrue();
        assertThat(fixed.updated()).extracting(TenantId::value).containsExactly("a");
        assertThat(registry.current().postboxOwner(PartyId.of("xoev", "demo:a-fixed"))).isPresent();
    }

    @Test
    void aTenantWhoseFirstVersionIsInvalidIsNotLoadedUntilFixed() {
        write(dir, "a.yaml", "id: a\n");
        TenantRegistry registry = registry();

        assertThat(registry.reload().rejectedFiles()).containsExactly(dir.resolve("a.yaml"));
        assertThat(registry.current().tenants()).isEmpty();

        write(dir, "a.yaml", tenant("a", "demo:a", sha(1)));
        assertThat(registry.reload().added()).extracting(TenantId::value).containsExactly("a");
    }

    @Test
    void removesTenantsWhoseFileWasDeleted() throws Exception {
        write(dir, "a.yaml", tenant("a", "demo:a", sha(1)));
        write(dir, "b.yaml", tenant("b", "demo:b", sha(2)));
        TenantRegistry registry = registry();
        registry.reload();

        Files.delete(dir.resolve("a.yaml"));
        TenantReloadReport report = registry.reload();

        assertThat(report.removed()).extracting(TenantId::value).containsExactly("a");
        assertThat(ids(registry.current())).containsExactly("b");
        assertThat(registry.current().authenticate(new TestPki().client("x").certificate())).isEmpty();
    }

    @Test
    void keepsEveryTenantWhenTheFolderDisappears() throws Exception {
        write(dir, "a.yaml", tenant("a", "demo:a", sha(1)));
        Path folder = dir.resolve("tenants");
        Files.createDirectories(folder);
        Files.move(dir.resolve("a.yaml"), folder.resolve("a.yaml"));
        TenantRegistry registry = new TenantRegistry(folder, new TenantFiles(TestPki.CLOCK));
        registry.reload();

        Files.move(folder, dir.resolve("unmounted"));
        TenantReloadReport report = registry.reload();

        assertThat(report.removed()).isEmpty();
        assertThat(report.keptLastGood()).extracting(TenantId::value).containsExactly("a");
        assertThat(report.problems()).singleElement().extracting(TenantConfigProblem::file).isEqualTo(folder);
        assertThat(ids(registry.current())).containsExactly("a");
    }

    @Test
    void theTenantThatOwnedAPostboxBeforeKeepsItWhenAnotherFileClaimsIt() {
        write(dir, "a.yaml", tenant("a", SHARED.value(), sha(1)));
        write(dir, "b.yaml", tenant("b", "demo:b", sha(2)));
        TenantRegistry registry = registry();
        registry.reload();

        write(dir, "b.yaml", tenant("b", SHARED.value(), sha(2)));
        TenantReloadReport report = registry.reload();

        assertThat(registry.current().postboxOwner(SHARED)).map(t -> t.id().value()).contains("a");
        assertThat(registry.current().postboxOwner(PartyId.of("xoev", "demo:b"))).map(t -> t.id().value())
                .contains("b");
        assertThat(report.keptLastGood()).extracting(TenantId::value).containsExactly("b");
        assertThat(report.problems()).singleElement().hasToString(dir.resolve("b.yaml")
                + ": postboxes[0].identifier: party identifier xoev:demo:shared is also claimed by tenant a; "
                + "tenant a keeps it because it had it before");
    }

    @Test
    void aPostboxMovesBetweenTenantsWhenTheOwnerReleasesItInTheSameReload() {
        write(dir, "a.yaml", tenant("a", SHARED.value(), sha(1)));
        write(dir, "b.yaml", tenant("b", "demo:b", sha(2)));
        TenantRegistry registry = registry();
        registry.reload();

        write(dir, "a.yaml", tenant("a", "demo:a", sha(1)));
        write(dir, "b.yaml", tenant("b", SHARED.value(), sha(2)));
        TenantReloadReport report = registry.reload();

        assertThat(report.isClean()).isTrue();
        assertThat(registry.current().postboxOwner(SHARED)).map(t -> t.id().value()).contains("b");
    }

    @Test
    void aBrokenOwnerKeepsItsPostboxAgainstANewClaimant() {
        write(dir, "a.yaml", tenant("a", SHARED.value(), sha(1)));
        TenantRegistry registry = registry();
        registry.reload();

        write(dir, "a.yaml", "broken: [");
        write(dir, "b.yaml", tenant("b", SHARED.value(), sha(2)));
        TenantReloadReport report = registry.reload();

        assertThat(registry.current().postboxOwner(SHARED)).map(t -> t.id().value()).contains("a");
        assertThat(ids(registry.current())).containsExactly("a");
        assertThat(report.rejectedFiles()).containsExactlyInAnyOrder(dir.resolve("a.yaml"), dir.resolve("b.yaml"));
    }

    @Test
    void tellsListenersAboutChangesOnlyAndSurvivesAFailingListener() {
        write(dir, "a.yaml", tenant("a", "demo:a", sha(1)));
        TenantRegistry registry = registry();
        List<TenantReloadReport> seen = new ArrayList<>();
        registry.addListener(r -> {
            throw new IllegalStateException("listener bug");
        });
        registry.addListener(seen::add);

        registry.reload();
        registry.reload();
        write(dir, "b.yaml", tenant("b", "demo:b", sha(2)));
        registry.reload();

        assertThat(seen).hasSize(2);
        assertThat(seen.get(1).added()).extracting(TenantId::value).containsExactly("b");
        assertThat(ids(seen.get(1).directory())).containsExactly("a", "b");
    }
}
