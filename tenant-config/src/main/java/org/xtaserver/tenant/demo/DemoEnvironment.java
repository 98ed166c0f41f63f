package org.xtaserver.tenant.demo;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.Retention;
import org.xtaserver.tenant.pki.CertificateAuthority;
import org.xtaserver.tenant.pki.Fingerprints;
import org.xtaserver.tenant.pki.IssuedCertificate;
import org.xtaserver.tenant.pki.Keys;
import org.xtaserver.tenant.pki.Pem;
import org.xtaserver.tenant.pki.Pkcs12;
import org.xtaserver.tenant.pki.SecureFiles;
import org.xtaserver.tenant.pki.Validity;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates, once, a self-contained demo environment under {@code data/demo/} of the repository:
 * a demo CA, a localhost TLS server certificate, and two demo municipalities (Musterstadt,
 * Beispielhausen), each with one postbox and one specialist procedure client certificate.
 * Everything here is throw-away test material: the keys are unencrypted and the passwords are
 * {@value #P12_PASSWORD}. Delete {@code data/demo/} to get a fresh environment.
 *
 * <p>{@code identities.json} marks the environment as complete: it is written last, so a first
 * start that was interrupted is simply redone. The files are first built in a staging folder
 * that is then renamed to {@code data/demo}, so two processes starting at the same time cannot
 * mix certificates of two different demo CAs.
 */
public final class DemoEnvironment {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEnvironment.class);

    /** Password of every demo PKCS#12 file. */
    public static final String P12_PASSWORD = "demo";
    /** Identifier type of the demo postboxes (the usual default type in XTA deployments). */
    public static final String IDENTIFIER_TYPE = "xoev";
    /** Invented service URN of the demo (XSozial-like; not a registered XÖV service). */
    public static final String DEMO_SERVICE = "urn:xoev-de:xsozial:demo:sozialhilfe";

    static final String DEMO_DIR = "data/demo";
    static final String IDENTITIES = "identities.json";
    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final Duration LEAF_LIFETIME = Duration.ofDays(1825);

    /** One demo municipality: tenant, postbox and its specialist procedure client. */
    record Municipality(String tenantId, String displayName, String municipalityKey, String clientName,
            PartyId identifier) {
    }

    static final List<Municipality> MUNICIPALITIES = List.of(
            new Municipality("musterstadt", "Stadt Musterstadt (Demo)", "09999001", "musterstadt-fachverfahren",
                    new PartyId(IDENTIFIER_TYPE, "Sozialamt", "Sozialamt Musterstadt", "demo:musterstadt:sozialamt")),
            new Municipality("beispielhausen", "Gemeinde Beispielhausen (Demo)", "09999002",
                    "beispielhausen-fachverfahren", new PartyId(IDENTIFIER_TYPE, "Sozialamt",
                            "Sozialamt Beispielhausen", "demo:beispielhausen:sozialamt")));

    @JsonPropertyOrder({"type", "category", "name", "value"})
    record IdentifierJson(String type, String category, String name, String value) {
    }

    @JsonPropertyOrder({"name", "cert", "key", "p12", "identifier"})
    record IdentityJson(String name, String cert, String key, String p12, IdentifierJson identifier) {
    }

    private final Clock clock;
    private final Supplier<KeyPair> keys;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** @param clock start of the certificates' validity */
    public DemoEnvironment(Clock clock) {
        this(clock, Keys::generateRsa);
    }

    /** Lets tests use smaller keys: RSA 3072 generation dominates their run time. Called concurrently. */
    DemoEnvironment(Clock clock, Supplier<KeyPair> keys) {
        this.clock = clock;
        this.keys = keys;
    }

    /**
     * Returns the demo environment under {@code repoRoot/data/demo}, creating it first if
     * {@code identities.json} does not exist yet. An existing environment is never modified.
     */
    public DemoSetup ensure(Path repoRoot) throws IOException {
        Path root = repoRoot.toAbsolutePath().normalize();
        Path demo = root.resolve(DEMO_DIR);
        if (Files.isRegularFile(demo.resolve(IDENTITIES))) {
            return existing(root, false);
        }
        Path staging = demo.resolveSibling(".demo-staging-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            generate(staging);
            install(staging, demo);
        } finally {
            deleteRecursively(staging);
        }
        LOG.info("Demo environment created in {}", demo);
        return existing(root, true);
    }

    private void generate(Path dir) throws IOException {
        // RSA 3072 key generation takes seconds each on small machines: make them side by side.
        Deque<KeyPair> pairs = new ArrayDeque<>(IntStream.range(0, 2 + MUNICIPALITIES.size()).parallel()
                .mapToObj(i -> keys.get()).toList());
        CertificateAuthority ca = CertificateAuthority.createRoot("CN=XTA Server Demo CA,O=XTA Server Demo,C=DE",
                Validity.starting(clock, CA_LIFETIME), pairs.pop());
        Pem.writeCertificate(dir.resolve("ca.crt"), ca.certificate());
        Pem.writePrivateKey(dir.resolve("ca.key"), ca.privateKey());

        IssuedCertificate server = ca.issueServerCertificate("CN=localhost,O=XTA Server Demo,C=DE", pairs.pop(),
                CertificateAuthority.LOCALHOST_NAMES, CertificateAuthority.LOCALHOST_ADDRESSES,
                Validity.starting(clock, LEAF_LIFETIME));
        write(dir, "server", server);

        Path tenants = Files.createDirectories(dir.resolve("tenants"));
        List<IdentityJson> identities = new ArrayList<>();
        for (Municipality m : MUNICIPALITIES) {
            IssuedCertificate client = ca.issueClientCertificate("CN=" + m.clientName() + ",O=" + m.displayName()
                    + ",C=DE", pairs.pop(), Validity.starting(clock, LEAF_LIFETIME));
            write(dir, m.clientName(), client);
            SecureFiles.writeAtomically(tenants.resolve(m.tenantId() + ".yaml"),
                    tenantYaml(m, client.certificate()).getBytes(StandardCharsets.UTF_8), false);
            String base = DEMO_DIR + "/" + m.clientName();
            PartyId id = m.identifier();
            identities.add(new IdentityJson(m.clientName(), base + ".crt", base + ".key", base + ".p12",
                    new IdentifierJson(id.type(), id.category(), id.name(), id.value())));
        }
        // Written last: its presence means "complete".
        SecureFiles.writeAtomically(dir.resolve(IDENTITIES),
                (json.writeValueAsString(identities) + "\n").getBytes(StandardCharsets.UTF_8), false);
    }

    private static void write(Path dir, String name, IssuedCertificate issued) throws IOException {
        Pem.writeCertificate(dir.resolve(name + ".crt"), issued.certificate());
        Pem.writePrivateKey(dir.resolve(name + ".key"), issued.privateKey());
        Pkcs12.write(dir.resolve(name + ".p12"), name, issued.privateKey(), issued.chain(), P12_PASSWORD.toCharArray());
    }

    /** Moves the staged files into place, {@code identities.json} last. */
    private static void install(Path staging, Path demo) throws IOException {
        if (!Files.exists(demo)) {
            try {
                Files.move(staging, demo, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (AtomicMoveNotSupportedException e) {
                // fall through to the file-by-file move
            } catch (FileSystemException e) {
                // Another process installed its environment first: use that one.
                if (Files.isRegularFile(demo.resolve(IDENTITIES))) {
                    return;
                }
            }
        }
        // data/demo exists without identities.json (an interrupted earlier attempt, or other
        // files of the demo): overwrite our files one by one, identities.json last.
        List<Path> files;
        try (Stream<Path> walk = Files.walk(staging)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Path marker = null;
        for (Path f : files) {
            Path target = demo.resolve(staging.relativize(f).toString());
            if (f.getFileName().toString().equals(IDENTITIES) && f.getParent().equals(staging)) {
                marker = f;
                continue;
            }
            Files.createDirectories(target.getParent());
            move(f, target);
        }
        if (marker != null) {
            move(marker, demo.resolve(IDENTITIES));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private DemoSetup existing(Path root, boolean created) throws IOException {
        Path demo = root.resolve(DEMO_DIR);
        Path identitiesFile = demo.resolve(IDENTITIES);
        List<IdentityJson> stored;
        try {
            stored = json.readValue(Files.readAllBytes(identitiesFile), new TypeReference<List<IdentityJson>>() {
            });
        } catch (JacksonException e) {
            throw new IOException(identitiesFile + " is damaged; delete " + demo + " to recreate the demo environment",
                    e);
        }
        List<DemoIdentity> identities = new ArrayList<>();
        for (IdentityJson i : stored) {
            IdentifierJson id = i.identifier();
            identities.add(new DemoIdentity(i.name(), root.resolve(i.cert()), root.resolve(i.key()),
                    root.resolve(i.p12()), new PartyId(id.type(), id.category(), id.name(), id.value())));
        }
        return new DemoSetup(demo, demo.resolve("ca.crt"), demo.resolve("ca.key"), demo.resolve("server.crt"),
                demo.resolve("server.key"), demo.resolve("server.p12"), demo.resolve("tenants"), identitiesFile,
                identities, created);
    }

    private static String tenantYaml(Municipality m, X509Certificate clientCertificate) {
        String certificateBase64;
        try {
            certificateBase64 = Base64.getEncoder().encodeToString(clientCertificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        PartyId id = m.identifier();
        return """
                # Demo tenant, generated by xta-server's DemoEnvironment. Not for production:
                # the certificates in data/demo are throw-away and the service URN is invented.
                # Schema: tenant-config/README.md
                id: %s
                displayName: "%s"
                municipalityKey: "%s"   # invented AGS (Land 09, no such district 999)
                postboxes:
                  - identifier:
                      type: %s
                      category: "%s"
                      name: "%s"
                      value: "%s"
                    services:
                      - service: "%s"
                        parameters:
                          # The demo client's own certificate, so senders can encrypt end-to-end to it.
                          - type: ENCRYPTION_CERTIFICATE
                            value: "%s"
                clients:
                  - name: %s
                    certificates:
                      - sha256: "%s"
                    actAs:
                      - type: %s
                        value: "%s"
                retention:
                  closedMessageDays: %d
                """.formatted(m.tenantId(), m.displayName(), m.municipalityKey(), id.type(), id.category(), id.name(),
                id.value(), DEMO_SERVICE, certificateBase64, m.clientName(),
                Fingerprints.colonSeparated(Fingerprints.sha256(clientCertificate)), id.type(), id.value(),
                Retention.DEFAULT_CLOSED_MESSAGE_DAYS);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
