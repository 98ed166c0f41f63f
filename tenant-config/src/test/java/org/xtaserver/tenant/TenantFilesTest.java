package org.xtaserver.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xtaserver.tenant.TenantYaml.sha;
import static org.xtaserver.tenant.TenantYaml.tenant;
import static org.xtaserver.tenant.TenantYaml.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtaserver.tenant.pki.Fingerprints;
import org.xtaserver.tenant.pki.IssuedCertificate;
import org.xtaserver.tenant.pki.Pem;
import org.xtaserver.tenant.pki.Validity;

class TenantFilesTest {

    private static TestPki pki;

    @TempDir
    Path dir;

    private final TenantFiles files = new TenantFiles(TestPki.CLOCK);

    @BeforeAll
    static void createPki() {
        pki = new TestPki();
    }

    private List<String> problems(TenantLoadReport report) {
        return report.problems().stream().map(p -> dir.relativize(p.file()) + ": " + p.field() + ": " + p.reason())
                .toList();
    }

    @Test
    void loadsEveryValidTenantFileOfAFolder() {
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:musterstadt", sha(1)));
        write(dir, "beispielhausen.yml", tenant("beispielhausen", "demo:beispielhausen", sha(2)));

        TenantLoadReport report = files.load(dir);

        assertThat(report.problems()).isEmpty();
        assertThat(report.isClean()).isTrue();
        assertThat(report.tenants()).extracting(t -> t.id().value()).containsExactly("beispielhausen", "musterstadt");
        Tenant musterstadt = report.directory().tenant(TenantId.of("musterstadt")).orElseThrow();
        assertThat(musterstadt.displayName()).isEqualTo("Tenant musterstadt");
        assertThat(musterstadt.municipalityKey()).isEqualTo("09999001");
        assertThat(musterstadt.retention()).isEqualTo(Retention.DEFAULT);
        assertThat(musterstadt.osci()).isNull();
        Postbox postbox = musterstadt.postboxes().get(0);
        assertThat(postbox.identifier()).isEqualTo(PartyId.of("xoev", "demo:musterstadt"));
        assertThat(postbox.identifier().category()).isEqualTo("Sozialamt");
        assertThat(postbox.identifier().name()).isEqualTo("Sozialamt musterstadt");
        assertThat(postbox.services()).containsExactly(new ServiceOffer("urn:xoev-de:xsozial:demo:sozialhilfe",
                List.of(new ServiceParameter("ENCRYPTION_CERTIFICATE", "MIIBdemo"))));
        ClientAccess client = musterstadt.clients().get(0);
        assertThat(client.name()).isEqualTo("musterstadt-fachverfahren");
        assertThat(client.certificates()).containsExactly(CertificateMatcher.sha256(sha(1)));
        assertThat(client.actAs()).containsExactly(PartyId.of("xoev", "demo:musterstadt"));
    }

    @Test
    void ignoresHiddenAndNonYamlFiles() {
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:musterstadt", sha(1)));
        write(dir, "README.md", "not a tenant");
        write(dir, ".hidden.yaml", "garbage: [");
        write(dir.resolve("..data"), "other.yaml", "garbage: [");

        TenantLoadReport report = files.load(dir);

        assertThat(report.problems()).isEmpty();
        assertThat(report.tenants()).hasSize(1);
    }

    @Test
    void reportsAProblemAsFileFieldAndReason() {
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:musterstadt", "not-a-fingerprint"));

        TenantLoadReport report = files.load(dir);

        assertThat(report.tenants()).isEmpty();
        assertThat(report.problems()).hasSize(1);
        TenantConfigProblem problem = report.problems().get(0);
        assertThat(problem.file()).isEqualTo(dir.resolve("musterstadt.yaml"));
        assertThat(problem.field()).isEqualTo("clients[0].certificates[0].sha256");
        assertThat(problem.toString()).isEqualTo(dir.resolve("musterstadt.yaml")
                + ": clients[0].certificates[0].sha256: not a SHA-256 fingerprint (64 hex digits, colons optional)");
    }

    @Test
    void acceptsFingerprintsWithColonsInAnyCase() {
        String colons = Fingerprints.colonSeparated(sha(0xabcdef));
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:musterstadt", colons.toLowerCase()));

        TenantLoadReport report = files.load(dir);

        assertThat(report.problems()).isEmpty();
        assertThat(report.tenants().get(0).clients().get(0).certificates())
                .containsExactly(new CertificateMatcher.Sha256(sha(0xabcdef)));
    }

    @Test
    void reportsEveryUnknownFieldWithItsPath() {
        String yaml = tenant("musterstadt", "demo:musterstadt", sha(1))
                .replace("displayName:", "colour: blue\ndisplayName:")
                .replace("    actAs:", "    acts: [ ]\n    actAs:")
                .replace("      category:", "      kategorie: x\n      category:");
        write(dir, "musterstadt.yaml", yaml);

        TenantLoadReport report = files.load(dir);

        assertThat(report.tenants()).isEmpty();
        assertThat(report.problems()).extracting(TenantConfigProblem::field)
                .containsExactlyInAnyOrder("colour", "postboxes[0].identifier.kategorie", "clients[0].acts");
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.reason()).startsWith("unknown field"));
        assertThat(report.problems().stream().filter(p -> p.field().equals("clients[0].acts")).findFirst()
                .orElseThrow().reason()).contains("actAs", "certificates", "name");
    }

    @Test
    void reportsMissingRequiredFields() {
        write(dir, "musterstadt.yaml", """
                id: musterstadt
                postboxes:
                  - identifier:
                      category: Sozialamt
                clients:
                  - certificates:
                      - sha256: "%s"
                """.formatted(sha(1)));

        TenantLoadReport report = files.load(dir);

        assertThat(problems(report)).containsExactlyInAnyOrder(
                "musterstadt.yaml: displayName: required",
                "musterstadt.yaml: postboxes[0].identifier.type: required",
                "musterstadt.yaml: postboxes[0].identifier.value: required",
                "musterstadt.yaml: clients[0].name: required",
                "musterstadt.yaml: clients[0].actAs: required; the postbox identifiers this client may act for");
    }

    @Test
    void reportsATenantWithoutPostboxes() {
        write(dir, "musterstadt.yaml", "id: musterstadt\ndisplayName: Musterstadt\n");

        assertThat(problems(files.load(dir)))
                .containsExactly("musterstadt.yaml: postboxes: required; at least one postbox");
    }

    @Test
    void reportsAnIdThatDoesNotMatchTheFileName() {
        write(dir, "musterstadt.yaml", tenant("beispielhausen", "demo:musterstadt", sha(1)));

        assertThat(problems(files.load(dir))).containsExactly(
                "musterstadt.yaml: id: 'beispielhausen' does not match the file name; expected 'musterstadt'");
    }

    @Test
    void reportsAFileNameThatIsNoTenantId() {
        write(dir, "Muster_Stadt.yaml", tenant("muster-stadt", "demo:musterstadt", sha(1)));

        TenantLoadReport report = files.load(dir);

        assertThat(report.tenants()).isEmpty();
        assertThat(report.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).startsWith("file name must be the tenant id"));
    }

    @Test
    void reportsTwoFilesForTheSameTenant() {
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:a", sha(1)));
        write(dir, "musterstadt.yml", tenant("musterstadt", "demo:b", sha(2)));

        TenantLoadReport report = files.load(dir);

        assertThat(report.tenants()).isEmpty();
        assertThat(problems(report)).containsExactly(
                "musterstadt.yaml: : tenant musterstadt is also defined by musterstadt.yml; keep one file per tenant",
                "musterstadt.yml: : tenant musterstadt is also defined by musterstadt.yaml; keep one file per tenant");
    }

    @Test
    void reportsBadValuesOfEveryKind() {
        write(dir, "musterstadt.yaml", """
                id: musterstadt
                displayName: Musterstadt
                municipalityKey: 1
                postboxes:
                  - identifier: { type: xoev, value: "demo:a" }
                  - identifier: { type: xoev, value: "demo:a" }
                clients:
                  - name: "bad name!"
                    certificates:
                      - issuer: "CN=Test CA"
                      - sha256: "%s"
                        file: x.crt
                    actAs:
                      - { type: xoev, value: "demo:a" }
                retention:
                  closedMessageDays: 0
                """.formatted(sha(1)));

        assertThat(problems(files.load(dir))).containsExactlyInAnyOrder(
                "musterstadt.yaml: municipalityKey: 2 to 12 digits expected (AGS: 8, ARS: 12); "
                        + "quote it in YAML so leading zeros are kept",
                "musterstadt.yaml: clients[0].name: letters, digits, '.', '_' and '-' only, starting with a letter or digit",
                "musterstadt.yaml: clients[0].certificates[0].subject: required",
                "musterstadt.yaml: clients[0].certificates[1]: give only one of sha256, issuer + subject, or file",
                "musterstadt.yaml: retention.closedMessageDays: must be between 1 and 3650, was 0");
    }

    @Test
    void reportsDuplicatesInsideOneTenant() {
        write(dir, "musterstadt.yaml", """
                id: musterstadt
                displayName: Musterstadt
                postboxes:
                  - identifier: { type: xoev, name: One, value: "demo:a" }
                  - identifier: { type: xoev, name: Two, value: "demo:a" }
                clients:
                  - name: one
                    certificates: [ { sha256: "%1$s" } ]
                    actAs: [ { type: xoev, value: "demo:a" } ]
                  - name: two
                    certificates: [ { sha256: "%1$s" } ]
                    actAs: [ { type: xoev, value: "demo:a" } ]
                """.formatted(sha(1)));

        assertThat(problems(files.load(dir))).containsExactlyInAnyOrder(
                "musterstadt.yaml: postboxes[1].identifier: xoev:demo:a is defined twice",
                "musterstadt.yaml: clients[1].certificates[0]: also used by client 'one'; "
                        + "a certificate must identify exactly one client");
    }

    @Test
    void keepsLeadingZerosOfUnquotedNumbers() {
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:a", sha(1))
                .replace("municipalityKey: \"09999001\"", "municipalityKey: 09999001")
                .replace("value: \"demo:a\"", "value: 0123"));

        TenantLoadReport report = files.load(dir);

        assertThat(report.problems()).isEmpty();
        assertThat(report.tenants().get(0).municipalityKey()).isEqualTo("09999001");
        assertThat(report.tenants().get(0).postboxes().get(0).identifier()).isEqualTo(PartyId.of("xoev", "0123"));
    }

    @Test
    void reportsAYamlSyntaxErrorWithItsLine() {
        write(dir, "musterstadt.yaml", "id: musterstadt\ndisplayName: a: b\n");

        TenantLoadReport report = files.load(dir);

        assertThat(report.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).startsWith("YAML error at line"));
    }

    @Test
    void reportsAKeyGivenTwice() {
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:a", sha(1)) + "displayName: again\n");

        TenantLoadReport report = files.load(dir);

        assertThat(report.tenants()).isEmpty();
        assertThat(report.problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("displayName"));
    }

    @Test
    void reportsAValueOfTheWrongKind() {
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:a", sha(1)) + "retention: { closedMessageDays: many }\n");

        assertThat(problems(files.load(dir))).containsExactly(
                "musterstadt.yaml: retention.closedMessageDays: 'many' is not a whole number");
    }

    @Test
    void reportsAnEmptyFile() {
        write(dir, "musterstadt.yaml", "# nothing yet\n");

        assertThat(problems(files.load(dir))).containsExactly("musterstadt.yaml: : file is empty");
    }

    @Test
    void reportsActAsForAPostboxThatIsNotInTheTenant() {
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:musterstadt", sha(1))
                .replace("    actAs:\n      - type: xoev\n        value: \"demo:musterstadt\"",
                        "    actAs:\n      - type: xoev\n        value: \"demo:musterstadt\"\n"
                                + "      - type: xoev\n        value: \"demo:beispielhausen\""));
        write(dir, "beispielhausen.yaml", tenant("beispielhausen", "demo:beispielhausen", sha(2)));

        TenantLoadReport report = files.load(dir);

        assertThat(problems(report)).containsExactly(
                "musterstadt.yaml: clients[0].actAs[1]: xoev:demo:beispielhausen is not a postbox of this tenant");
        assertThat(report.tenants()).extracting(t -> t.id().value()).containsExactly("beispielhausen");
    }

    @Test
    void oneBrokenFileDoesNotPreventTheOthersFromLoading() {
        write(dir, "a.yaml", tenant("a", "demo:a", sha(1)));
        write(dir, "b.yaml", "id: b\ndisplayName: [\n");
        write(dir, "c.yaml", tenant("c", "demo:c", sha(3)));

        TenantLoadReport report = files.load(dir);

        assertThat(report.tenants()).extracting(t -> t.id().value()).containsExactly("a", "c");
        assertThat(report.problems()).extracting(TenantConfigProblem::file).containsOnly(dir.resolve("b.yaml"));
    }

    @Test
    void rejectsBothTenantsClaimingTheSamePostboxOnAColdLoad() {
        write(dir, "a.yaml", tenant("a", "demo:shared", sha(1)));
        write(dir, "b.yaml", tenant("b", "demo:shared", sha(2)));
        write(dir, "c.yaml", tenant("c", "demo:c", sha(3)));

        TenantLoadReport report = files.load(dir);

        assertThat(report.tenants()).extracting(t -> t.id().value()).containsExactly("c");
        assertThat(problems(report)).containsExactlyInAnyOrder(
                "a.yaml: postboxes[0].identifier: party identifier xoev:demo:shared is also claimed by tenant b; "
                        + "no tenant gets it until only one file claims it",
                "b.yaml: postboxes[0].identifier: party identifier xoev:demo:shared is also claimed by tenant a; "
                        + "no tenant gets it until only one file claims it");
    }

    @Test
    void rejectsBothTenantsWhoseClientsUseTheSameCertificate() {
        write(dir, "a.yaml", tenant("a", "demo:a", sha(7)));
        write(dir, "b.yaml", tenant("b", "demo:b", sha(7).toUpperCase()));

        TenantLoadReport report = files.load(dir);

        assertThat(report.tenants()).isEmpty();
        assertThat(report.problems()).extracting(TenantConfigProblem::field)
                .containsExactly("clients[0].certificates[0]", "clients[0].certificates[0]");
        assertThat(report.problems().get(0).reason()).startsWith("client certificate (sha256 00:00:");
    }

    @Test
    void readsAClientCertificateFromAFileRelativeToTheTenantFolder() throws Exception {
        IssuedCertificate cert = pki.client("musterstadt-fachverfahren");
        Pem.writeCertificate(dir.resolve("certs/musterstadt.crt"), cert.certificate());
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:a", sha(1))
                .replace("- sha256: \"" + sha(1) + "\"", "- file: certs/musterstadt.crt"));

        TenantLoadReport report = files.load(dir);

        assertThat(report.problems()).isEmpty();
        assertThat(report.directory().authenticate(cert.certificate())).isPresent();
    }

    @Test
    void reportsAReferencedCertificateFileThatCannotBeRead() {
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:a", sha(1))
                .replace("- sha256: \"" + sha(1) + "\"", "- file: certs/missing.crt"));
        write(dir, "certs/garbage.crt", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        write(dir, "beispielhausen.yaml", tenant("beispielhausen", "demo:b", sha(2))
                .replace("- sha256: \"" + sha(2) + "\"", "- file: certs/garbage.crt"));

        assertThat(problems(files.load(dir))).containsExactly(
                "beispielhausen.yaml: clients[0].certificates[0].file: malformed PEM in " + dir.resolve("certs/garbage.crt"),
                "musterstadt.yaml: clients[0].certificates[0].file: certificate file not found: "
                        + dir.resolve("certs/missing.crt"));
    }

    @Test
    void reportsAnExpiredClientCertificateFileUsingTheClock() throws Exception {
        IssuedCertificate expired = pki.client("old", Validity.between(TestPki.NOW.minus(Duration.ofDays(400)),
                TestPki.NOW.minus(Duration.ofDays(35))));
        Pem.writeCertificate(dir.resolve("old.crt"), expired.certificate());
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:a", sha(1))
                .replace("- sha256: \"" + sha(1) + "\"", "- file: old.crt"));

        List<String> problems = problems(files.load(dir));

        assertThat(problems).singleElement().asString()
                .startsWith("musterstadt.yaml: clients[0].certificates[0].file: certificate old.crt (")
                .contains("expired on " + expired.certificate().getNotAfter().toInstant());
        // The same file was fine a year earlier: the clock decides.
        TenantFiles lastYear = new TenantFiles(java.time.Clock.fixed(TestPki.NOW.minus(Duration.ofDays(365)),
                java.time.ZoneOffset.UTC));
        assertThat(lastYear.load(dir).problems()).isEmpty();
    }

    @Test
    void acceptsOsciSettingsWhoseKeyMatchesTheCertificate() throws Exception {
        writeOsciFiles(pki.client("osci-musterstadt"), pki.client("intermediary"));
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:a", sha(1)) + """
                osci:
                  intermediaryUrl: https://intermediaer.example/osci
                  fetchInterval: 2m
                  certificate: osci/own.crt
                  privateKey: osci/own.key
                  intermediaryCertificate: osci/intermediary.crt
                """);

        TenantLoadReport report = files.load(dir);

        assertThat(report.problems()).isEmpty();
        OsciSettings osci = report.tenants().get(0).osci();
        assertThat(osci.intermediaryUrl()).hasToString("https://intermediaer.example/osci");
        assertThat(osci.fetchInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(osci.certificate()).isEqualTo(dir.resolve("osci/own.crt").toAbsolutePath());
        assertThat(osci.privateKey()).isEqualTo(dir.resolve("osci/own.key").toAbsolutePath());
    }

    @Test
    void reportsAnOsciKeyThatDoesNotMatchItsCertificate() throws Exception {
        IssuedCertificate own = pki.client("osci-musterstadt");
        writeOsciFiles(own, pki.client("intermediary"));
        Pem.writePrivateKey(dir.resolve("osci/own.key"), pki.keyPair().getPrivate());
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:a", sha(1)) + """
                osci:
                  intermediaryUrl: https://intermediaer.example/osci
                  certificate: osci/own.crt
                  privateKey: osci/own.key
                  intermediaryCertificate: osci/intermediary.crt
                """);

        assertThat(problems(files.load(dir))).containsExactly(
                "musterstadt.yaml: osci.privateKey: does not belong to the certificate own.crt");
    }

    @Test
    void reportsBadOsciSettings() throws Exception {
        IssuedCertificate notYetValid = pki.client("intermediary",
                Validity.between(TestPki.NOW.plus(Duration.ofDays(1)), TestPki.NOW.plus(Duration.ofDays(400))));
        writeOsciFiles(pki.client("osci-musterstadt"), notYetValid);
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:a", sha(1)) + """
                osci:
                  intermediaryUrl: ftp://intermediaer.example/osci
                  fetchInterval: 1s
                  certificate: osci/own.crt
                  intermediaryCertificate: osci/intermediary.crt
                """);

        assertThat(problems(files.load(dir))).containsExactlyInAnyOrder(
                "musterstadt.yaml: osci.intermediaryUrl: an absolute http(s) URL with a host expected",
                "musterstadt.yaml: osci.fetchInterval: must be at least 10 seconds",
                "musterstadt.yaml: osci.privateKey: required");
    }

    @Test
    void reportsAnOsciCertificateThatIsNotValidYet() throws Exception {
        IssuedCertificate notYetValid = pki.client("intermediary",
                Validity.between(TestPki.NOW.plus(Duration.ofDays(1)), TestPki.NOW.plus(Duration.ofDays(400))));
        writeOsciFiles(pki.client("osci-musterstadt"), notYetValid);
        write(dir, "musterstadt.yaml", tenant("musterstadt", "demo:a", sha(1)) + """
                osci:
                  intermediaryUrl: https://intermediaer.example/osci
                  certificate: osci/own.crt
                  privateKey: osci/own.key
                  intermediaryCertificate: osci/intermediary.crt
                """);

        assertThat(problems(files.load(dir))).singleElement().asString()
                .startsWith("musterstadt.yaml: osci.intermediaryCertificate: certificate intermediary.crt (")
                .contains("is not valid before");
    }

    @Test
    void theFullExampleOfTheOperatorsTenantFileGuideIsValid() throws Exception {
        String readme = Files.readString(Path.of("../docs/tenant-file.md"));
        int start = readme.indexOf("```yaml", readme.indexOf("### Full example")) + "```yaml".length();
        String example = readme.substring(start, readme.indexOf("```", start));
        write(dir, "musterstadt.yaml", example);
        Pem.writeCertificate(dir.resolve("certs/musterstadt-fachverfahren-2027.crt"),
                pki.client("musterstadt-fachverfahren").certificate());
        writeOsciFiles(pki.client("osci-musterstadt"), pki.client("intermediaer"));
        Files.move(dir.resolve("osci/own.crt"), dir.resolve("osci/musterstadt.crt"));
        Files.move(dir.resolve("osci/own.key"), dir.resolve("osci/musterstadt.key"));
        Files.move(dir.resolve("osci/intermediary.crt"), dir.resolve("osci/intermediaer.crt"));

        TenantLoadReport report = files.load(dir);

        assertThat(report.problems()).isEmpty();
        Tenant tenant = report.tenants().get(0);
        assertThat(tenant.postboxes()).hasSize(2);
        assertThat(tenant.clients()).extracting(ClientAccess::name)
                .containsExactly("musterstadt-fachverfahren", "jugendamt-software");
        assertThat(tenant.clients().get(1).certificates().get(0)).isInstanceOf(CertificateMatcher.IssuerAndSubject.class);
        assertThat(tenant.osci().fetchInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void reportsAMissingFolder() {
        TenantLoadReport report = files.load(dir.resolve("nope"));

        assertThat(report.tenants()).isEmpty();
        assertThat(report.problems()).singleElement().asString()
                .endsWith("nope: tenant folder does not exist or is not a directory");
    }

    @Test
    void loadsTwoHundredTenantFiles() {
        for (int i = 0; i < 200; i++) {
            write(dir, "gemeinde-" + i + ".yaml", tenant("gemeinde-" + i, "demo:gemeinde-" + i, sha(i + 1)));
        }

        TenantLoadReport report = files.load(dir);

        assertThat(report.problems()).isEmpty();
        assertThat(report.tenants()).hasSize(200);
        assertThat(report.directory().postboxOwner(PartyId.of("xoev", "demo:gemeinde-199")))
                .map(t -> t.id().value()).contains("gemeinde-199");
    }

    private void writeOsciFiles(IssuedCertificate own, IssuedCertificate intermediary) throws Exception {
        Files.createDirectories(dir.resolve("osci"));
        Pem.writeCertificate(dir.resolve("osci/own.crt"), own.certificate());
        Pem.writePrivateKey(dir.resolve("osci/own.key"), own.privateKey());
        Pem.writeCertificate(dir.resolve("osci/intermediary.crt"), intermediary.certificate());
    }
}
