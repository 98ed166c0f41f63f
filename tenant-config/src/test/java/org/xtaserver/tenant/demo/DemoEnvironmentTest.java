package org.xtaserver.tenant.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtaserver.tenant.ClientIdentity;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantFiles;
import org.xtaserver.tenant.TenantId;
import org.xtaserver.tenant.TenantLoadReport;
import org.xtaserver.tenant.TestPki;
import org.xtaserver.tenant.pki.Keys;
import org.xtaserver.tenant.pki.Pem;
import org.xtaserver.tenant.pki.Pkcs12;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoEnvironmentTest {

    @TempDir
    static Path repo;

    private static DemoSetup setup;

    /** 2048-bit keys keep this test fast; production uses {@link Keys#RSA_BITS}. */
    private static DemoEnvironment environment() {
        SecureRandom random = new SecureRandom();
        return new DemoEnvironment(TestPki.CLOCK, () -> Keys.generateRsa(2048, random));
    }

    @BeforeAll
    static void createOnce() throws Exception {
        setup = environment().ensure(repo);
    }

    @Test
    void createsEveryFileUnderDataDemo() {
        Path demo = repo.resolve("data/demo");
        assertThat(setup.created()).isTrue();
        assertThat(setup.directory()).isEqualTo(demo.toAbsolutePath());
        for (String name : List.of("ca.crt", "ca.key", "server.crt", "server.key", "server.p12", "identities.json",
                "musterstadt-fachverfahren.crt", "musterstadt-fachverfahren.key", "musterstadt-fachverfahren.p12",
                "beispielhausen-fachverfahren.crt", "beispielhausen-fachverfahren.key",
                "beispielhausen-fachverfahren.p12", "tenants/musterstadt.yaml", "tenants/beispielhausen.yaml")) {
            assertThat(demo.resolve(name)).isRegularFile();
        }
        assertThat(setup.caCertificate()).isEqualTo(demo.resolve("ca.crt").toAbsolutePath());
        assertThat(setup.serverCertificate()).isEqualTo(demo.resolve("server.crt").toAbsolutePath());
        assertThat(setup.serverKey()).isEqualTo(demo.resolve("server.key").toAbsolutePath());
        assertThat(setup.tenantsDirectory()).isEqualTo(demo.resolve("tenants").toAbsolutePath());
        assertThat(repo.resolve("data")).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("."));
    }

    @Test
    void listsTheIdentitiesWithPathsRelativeToTheRepository() throws Exception {
        JsonNode json = JsonMapper.shared().readTree(repo.resolve("data/demo/identities.json").toFile());

        assertThat(json.isArray()).isTrue();
        assertThat(json.size()).isEqualTo(2);
        JsonNode first = json.get(0);
        assertThat(first.propertyNames()).containsExactly("name", "cert", "key", "p12", "identifier");
        assertThat(first.get("identifier").propertyNames()).containsExactly("type", "category", "name", "value");
        assertThat(first.get("name").asString()).isEqualTo("musterstadt-fachverfahren");
        assertThat(first.get("cert").asString()).isEqualTo("data/demo/musterstadt-fachverfahren.crt");
        assertThat(first.get("key").asString()).isEqualTo("data/demo/musterstadt-fachverfahren.key");
        assertThat(first.get("p12").asString()).isEqualTo("data/demo/musterstadt-fachverfahren.p12");
        assertThat(first.get("identifier").get("type").asString()).isEqualTo("xoev");
        assertThat(first.get("identifier").get("category").asString()).isEqualTo("Sozialamt");
        assertThat(first.get("identifier").get("name").asString()).isEqualTo("Sozialamt Musterstadt");
        assertThat(first.get("identifier").get("value").asString()).isEqualTo("demo:musterstadt:sozialamt");
        assertThat(json.get(1).get("name").asString()).isEqualTo("beispielhausen-fachverfahren");
        assertThat(json.get(1).get("identifier").get("value").asString()).isEqualTo("demo:beispielhausen:sozialamt");
        for (JsonNode identity : json) {
            for (String file : List.of("cert", "key", "p12")) {
                assertThat(Path.of(identity.get(file).asString())).isRelative();
                assertThat(repo.resolve(identity.get(file).asString())).isRegularFile();
            }
        }
        assertThat(setup.identities()).extracting(DemoIdentity::name)
                .containsExactly("musterstadt-fachverfahren", "beispielhausen-fachverfahren");
    }

    @Test
    void aSecondCallChangesNothing() throws Exception {
        Map<Path, FileState> before = snapshot();

        DemoSetup again = environment().ensure(repo);

        assertThat(again.created()).isFalse();
        assertThat(again.identities()).isEqualTo(setup.identities());
        assertThat(again.serverCertificate()).isEqualTo(setup.serverCertificate());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theDemoTenantFilesLoadAndEachClientAuthenticatesToItsTenant() throws Exception {
        TenantLoadReport report = new TenantFiles(TestPki.CLOCK).load(setup.tenantsDirectory());

        assertThat(report.problems()).isEmpty();
        assertThat(report.tenants()).extracting(t -> t.id().value()).containsExactly("beispielhausen", "musterstadt");
        assertThat(report.tenants()).allSatisfy(t -> assertThat(t.postboxes().get(0).services().get(0).service())
                .isEqualTo(DemoEnvironment.DEMO_SERVICE));
        Map<String, String> tenantOf = Map.of("musterstadt-fachverfahren", "musterstadt",
                "beispielhausen-fachverfahren", "beispielhausen");
        for (DemoIdentity identity : setup.identities()) {
            X509Certificate cert = Pem.readCertificate(identity.certificate());
            ClientIdentity client = report.directory().authenticate(cert).orElseThrow();
            assertThat(client.tenant()).isEqualTo(TenantId.of(tenantOf.get(identity.name())));
            assertThat(client.clientName()).isEqualTo(identity.name());
            assertThat(client.canActAs(identity.identifier())).isTrue();
            assertThat(report.directory().postboxOwner(identity.identifier())).map(t -> t.id())
                    .contains(client.tenant());
            assertThat(Keys.matches(Pem.readPrivateKey(identity.privateKey()), cert)).isTrue();
            assertThat(Pkcs12.read(identity.p12(), DemoEnvironment.P12_PASSWORD.toCharArray()).certificate())
                    .isEqualTo(cert);
            assertThat(cert.getIssuerX500Principal())
                    .isEqualTo(Pem.readCertificate(setup.caCertificate()).getSubjectX500Principal());
        }
        PartyId musterstadt = setup.identities().get(0).identifier();
        assertThat(report.directory().authenticate(Pem.readCertificate(setup.identities().get(1).certificate()))
                .orElseThrow().canActAs(musterstadt)).isFalse();
    }

    @Test
    void theServerKeyStoreHoldsKeyAndChain() throws Exception {
        Pkcs12.Entry server = Pkcs12.read(setup.serverP12(), DemoEnvironment.P12_PASSWORD.toCharArray());

        assertThat(server.certificate()).isEqualTo(Pem.readCertificate(setup.serverCertificate()));
        assertThat(server.chain()).hasSize(2);
        assertThat(server.chain().get(1)).isEqualTo(Pem.readCertificate(setup.caCertificate()));
        assertThat(Keys.matches(Pem.readPrivateKey(setup.serverKey()), server.certificate())).isTrue();
        assertThat(server.certificate().getSubjectAlternativeNames()).extracting(l -> (Object) l.get(1))
                .contains("localhost", "127.0.0.1");
    }

    @Test
    void redoesAnInterruptedFirstStart(@TempDir Path otherRepo) throws Exception {
        Path demo = otherRepo.resolve("data/demo");
        Files.createDirectories(demo.resolve("tenants"));
        Files.writeString(demo.resolve("ca.crt"), "half written");
        Files.writeString(demo.resolve("tenants/musterstadt.yaml"), "id: musterst");

        DemoSetup redone = environment().ensure(otherRepo);

        assertThat(redone.created()).isTrue();
        assertThat(Pem.readCertificate(redone.caCertificate()).getBasicConstraints()).isNotNegative();
        assertThat(new TenantFiles(TestPki.CLOCK).load(redone.tenantsDirectory()).problems()).isEmpty();
        assertThat(redone.identitiesFile()).isRegularFile();
        try (Stream<Path> leftovers = Files.list(otherRepo.resolve("data"))) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactly("demo");
        }
    }

    private record FileState(FileTime modified, byte[] sha) {
        @Override
        public boolean equals(Object o) {
            return o instanceof FileState f && f.modified.equals(modified) && java.util.Arrays.equals(f.sha, sha);
        }

        @Override
        public int hashCode() {
            return modified.hashCode();
        }
    }

    private static Map<Path, FileState> snapshot() throws Exception {
        Map<Path, FileState> files = new TreeMap<>();
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(repo)) {
            walk.filter(Files::isRegularFile).forEach(all::add);
        }
        for (Path p : all) {
            files.put(p, new FileState(Files.getLastModifiedTime(p),
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
        }
        return files;
    }
}
