package org.xtaserver.tenant;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xtaserver.tenant.TenantFileModel.CertificateEntry;
import org.xtaserver.tenant.TenantFileModel.ClientEntry;
import org.xtaserver.tenant.TenantFileModel.OsciEntry;
import org.xtaserver.tenant.TenantFileModel.PartyEntry;
import org.xtaserver.tenant.TenantFileModel.PostboxEntry;
import org.xtaserver.tenant.TenantFileModel.ServiceEntry;
import org.xtaserver.tenant.TenantFileModel.TenantFile;
import org.xtaserver.tenant.pki.Fingerprints;
import org.xtaserver.tenant.pki.Keys;
import org.xtaserver.tenant.pki.Pem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parses one tenant file and maps it onto the model, collecting every problem with its field
 * path. Rules about single values live in the model's constructors; this class adds what only
 * a file has: required fields, the id/file-name match and the referenced certificate files.
 */
final class TenantFileReader {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("([0-9]{1,9})\\s*(s|m|h)");

    private final ObjectReader reader;
    private final Clock clock;

    TenantFileReader(Clock clock) {
        this.clock = clock;
        YAMLMapper mapper = YAMLMapper.builder()
                // Unknown fields are listed beforehand (all at once, see read); this is the safety net.
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // A key given twice is almost always a copy-and-paste slip; YAML would keep the last.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.reader = mapper.readerFor(TenantFile.class);
    }

    /** Maps the content of {@code file}; the tenant is null when there is any problem. */
    Tenant read(Path file, TenantId id, byte[] content, Problems problems) {
        TenantFile parsed;
        try {
            // First pass as a tree, only to name every unknown field with its exact path (binding
            // stops at the first). Values are bound from the text in the second pass, because the
            // tree turns an unquoted 0123 into the number 123 while binding keeps the text.
            JsonNode tree = reader.readTree(content);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                problems.add("", "file is empty");
                return null;
            }
            if (!tree.isObject()) {
                problems.add("", "a mapping (key: value lines) expected at the top level");
                return null;
            }
            reportUnknownFields(tree, TenantFile.class, "", problems);
            if (!problems.isEmpty()) {
                // A misspelt key usually means the intended one is missing: the rest would only add noise.
                return null;
            }
            parsed = reader.readValue(content);
        } catch (JacksonException e) {
            problems.add(path(e.getPath()), describe(e));
            return null;
        }
        Path folder = file.toAbsolutePath().getParent();
        return new Mapping(problems, folder).tenant(parsed, id);
    }

    /** Compares the tree with the record structure of {@link TenantFileModel}. */
    private static void reportUnknownFields(JsonNode node, Class<?> type, String path, Problems problems) {
        if (!node.isObject() || !type.isRecord()) {
            return; // a wrong kind of value is reported by the binding pass
        }
        Map<String, RecordComponent> known = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            known.put(c.getName(), c);
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String at = FieldPath.join(path, property.getKey());
            RecordComponent component = known.get(property.getKey());
            if (component == null) {
                problems.add(at, "unknown field (known fields: " + String.join(", ", known.keySet()) + ")");
            } else if (component.getType().isRecord()) {
                reportUnknownFields(property.getValue(), component.getType(), at, problems);
            } else if (List.class.equals(component.getType()) && property.getValue().isArray()
                    && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                for (int i = 0; i < property.getValue().size(); i++) {
                    reportUnknownFields(property.getValue().get(i), element, FieldPath.index(at, i), problems);
                }
            }
        }
    }

    /** Maps the parsed file, one instance per file. */
    private final class Mapping {

        private final Problems p;
        private final Path folder;

        Mapping(Problems problems, Path folder) {
            this.p = problems;
            this.folder = folder;
        }

        Tenant tenant(TenantFile f, TenantId expected) {
            if (f.id() == null) {
                p.add("id", "required; must equal the file name (" + expected + ")");
            } else if (!f.id().equals(expected.value())) {
                p.add("id", "'" + f.id() + "' does not match the file name; expected '" + expected + "'");
            }
            p.check("", v -> {
                Tenant.checkDisplayName(v, f.displayName());
                Tenant.checkMunicipalityKey(v, f.municipalityKey());
            });
            List<Postbox> postboxes = null;
            if (f.postboxes() == null || f.postboxes().isEmpty()) {
                p.add("postboxes", "required; at least one postbox");
            } else {
                postboxes = list("postboxes", f.postboxes(), this::postbox);
            }
            List<ClientAccess> clients = f.clients() == null ? List.of() : list("clients", f.clients(), this::client);
            Retention retention = f.retention() == null ? Retention.DEFAULT
                    : p.build("retention", () -> new Retention(f.retention().closedMessageDays() == null
                            ? Retention.DEFAULT_CLOSED_MESSAGE_DAYS
                            : f.retention().closedMessageDays()));
            OsciSettings osci = f.osci() == null ? null : osci("osci", f.osci());
            if (!p.isEmpty()) {
                return null;
            }
            List<Postbox> finalPostboxes = postboxes;
            return p.build("", () -> new Tenant(expected, f.displayName(), f.municipalityKey(), finalPostboxes,
                    clients, retention, osci));
        }

        private Postbox postbox(String at, PostboxEntry e) {
            int before = p.count();
            PartyId identifier = e.identifier() == null ? missing(at + ".identifier") : party(at + ".identifier",
                    e.identifier());
            List<ServiceOffer> services = e.services() == null ? List.of()
                    : list(at + ".services", e.services(), this::service);
            return p.count() > before ? null : p.build(at, () -> new Postbox(identifier, services));
        }

        private ServiceOffer service(String at, ServiceEntry e) {
            int before = p.count();
            List<ServiceParameter> parameters = e.parameters() == null ? List.of()
                    : list(at + ".parameters", e.parameters(),
                            (pat, pe) -> p.build(pat, () -> new ServiceParameter(pe.type(), pe.value())));
            if (p.count() > before) {
                // Still report a bad service URI alongside the parameter problems.
                p.build(at, () -> new ServiceOffer(e.service(), List.of()));
                return null;
            }
            return p.build(at, () -> new ServiceOffer(e.service(), parameters));
        }

        private ClientAccess client(String at, ClientEntry e) {
            int before = p.count();
            p.check(at, v -> ClientAccess.checkName(v, e.name()));
            List<CertificateMatcher> certificates = null;
            if (e.certificates() == null) {
                p.add(at + ".certificates", "required; one certificate, or two while rotating");
            } else {
                certificates = list(at + ".certificates", e.certificates(), this::matcher);
            }
            List<PartyId> actAs = null;
            if (e.actAs() == null) {
                p.add(at + ".actAs", "required; the postbox identifiers this client may act for");
            } else {
                actAs = list(at + ".actAs", e.actAs(), this::party);
            }
            if (p.count() > before) {
                return null;
            }
            List<CertificateMatcher> c = certificates;
            List<PartyId> a = actAs;
            return p.build(at, () -> new ClientAccess(e.name(), c, a));
        }

        private CertificateMatcher matcher(String at, CertificateEntry e) {
            boolean bySha = e.sha256() != null;
            boolean byDn = e.issuer() != null || e.subject() != null;
            boolean byFile = e.file() != null;
            int forms = (bySha ? 1 : 0) + (byDn ? 1 : 0) + (byFile ? 1 : 0);
            if (forms != 1) {
                p.add(at, forms == 0 ? "one of sha256, issuer + subject, or file expected"
                        : "give only one of sha256, issuer + subject, or file");
                return null;
            }
            if (bySha) {
                return p.build(at, () -> CertificateMatcher.sha256(e.sha256()));
            }
            if (byDn) {
                return p.build(at, () -> CertificateMatcher.issuerAndSubject(e.issuer(), e.subject()));
            }
            Path file = resolve(at + ".file", e.file());
            X509Certificate certificate = file == null ? null : certificate(at + ".file", file, false);
            return certificate == null ? null : new CertificateMatcher.Sha256(Fingerprints.sha256(certificate));
        }

        private PartyId party(String at, PartyEntry e) {
            return p.build(at, () -> new PartyId(e.type(), e.category(), e.name(), e.value()));
        }

        private OsciSettings osci(String at, OsciEntry e) {
            int before = p.count();
            URI url = null;
            if (e.intermediaryUrl() != null) {
                try {
                    url = new URI(e.intermediaryUrl());
                } catch (URISyntaxException ex) {
                    p.add(at + ".intermediaryUrl", "not a URL: " + ex.getReason());
                }
            }
            Duration interval = e.fetchInterval() == null ? OsciSettings.DEFAULT_FETCH_INTERVAL
                    : duration(at + ".fetchInterval", e.fetchInterval());
            Path certificatePath = resolve(at + ".certificate", e.certificate());
            Path keyPath = resolve(at + ".privateKey", e.privateKey());
            Path intermediaryPath = resolve(at + ".intermediaryCertificate", e.intermediaryCertificate());
            Path intermediarySignaturePath = e.intermediarySignatureCertificate() == null ? null
                    : resolve(at + ".intermediarySignatureCertificate", e.intermediarySignatureCertificate());
            if (p.count() > before) {
                return null;
            }
            URI u = url;
            OsciSettings settings = p.build(at, () -> new OsciSettings(u, interval, certificatePath, keyPath,
                    intermediaryPath, intermediarySignaturePath));
            if (settings == null) {
                return null;
            }
            X509Certificate own = certificate(at + ".certificate", certificatePath, true);
            PrivateKey key = privateKey(at + ".privateKey", keyPath);
            if (own != null && key != null && !Keys.matches(key, own)) {
                p.add(at + ".privateKey", "does not belong to the certificate " + certificatePath.getFileName());
            }
            certificate(at + ".intermediaryCertificate", intermediaryPath, true);
            if (intermediarySignaturePath != null) {
                certificate(at + ".intermediarySignatureCertificate", intermediarySignaturePath, true);
            }
            return p.count() > before ? null : settings;
        }

        private Duration duration(String at, String text) {
            String s = text.strip().toLowerCase(Locale.ROOT);
            Matcher m = SIMPLE_DURATION.matcher(s);
            Duration d = null;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            } else {
                try {
                    d = Duration.parse(s.toUpperCase(Locale.ROOT));
                } catch (DateTimeParseException ex) {
                    p.add(at, "not a duration; write e.g. 30s, 5m, 1h or PT5M");
                }
            }
            return d;
        }

        private Path resolve(String at, String value) {
            if (value == null) {
                return null;
            }
            if (value.isBlank()) {
                p.add(at, "must not be blank");
                return null;
            }
            try {
                Path path = Path.of(value);
                return (path.isAbsolute() ? path : folder.resolve(path)).normalize();
            } catch (InvalidPathException e) {
                p.add(at, "not a file path: " + e.getReason());
                return null;
            }
        }

        private X509Certificate certificate(String at, Path file, boolean mustBeValidNow) {
            X509Certificate certificate;
            try {
                certificate = Pem.readCertificate(file);
            } catch (IOException e) {
                p.add(at, fileProblem(e, file, "certificate"));
                return null;
            }
            Instant now = clock.instant();
            if (now.isAfter(certificate.getNotAfter().toInstant())) {
                p.add(at, "certificate " + file.getFileName() + " (" + certificate.getSubjectX500Principal().getName()
                        + ") expired on " + certificate.getNotAfter().toInstant());
                return null;
            }
            if (mustBeValidNow && now.isBefore(certificate.getNotBefore().toInstant())) {
                p.add(at, "certificate " + file.getFileName() + " (" + certificate.getSubjectX500Principal().getName()
                        + ") is not valid before " + certificate.getNotBefore().toInstant());
                return null;
            }
            return certificate;
        }

        private PrivateKey privateKey(String at, Path file) {
            try {
                return Pem.readPrivateKey(file);
            } catch (IOException e) {
                p.add(at, fileProblem(e, file, "private key"));
                return null;
            }
        }

        private <E, T> List<T> list(String at, Collection<E> entries, BiFunction<String, E, T> mapper) {
            List<T> result = new ArrayList<>(entries.size());
            boolean complete = true;
            int i = 0;
            for (E entry : entries) {
                String element = FieldPath.index(at, i++);
                T value = null;
                if (entry == null) {
                    p.add(element, "must not be empty");
                } else {
                    value = mapper.apply(element, entry);
                }
                complete &= value != null;
                result.add(value);
            }
            return complete ? result : null;
        }

        private <T> T missing(String at) {
            p.add(at, "required");
            return null;
        }
    }

    private static String fileProblem(IOException e, Path file, String what) {
        if (e instanceof NoSuchFileException) {
            return what + " file not found: " + file;
        }
        if (e instanceof AccessDeniedException) {
            return what + " file not readable (permissions): " + file;
        }
        return e.getMessage() == null ? "cannot read " + what + " file " + file : e.getMessage();
    }

    /** {@code a.b[0].c} from Jackson's reference path. */
    static String path(List<JacksonException.Reference> references) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference r : references) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(JacksonException e) {
        if (e instanceof InvalidFormatException f) {
            return "'" + abbreviate(String.valueOf(f.getValue())) + "' is not " + describe(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "wrong kind of value: expected " + describe(m.getTargetType());
        }
        String message = firstLine(e.getOriginalMessage());
        TokenStreamLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            return "YAML error at line " + location.getLineNr() + ", column " + location.getColumnNr() + ": "
                    + message;
        }
        return message;
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list (lines starting with '- ')";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping (key: value lines)";
        }
        return type.getSimpleName();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable YAML";
        }
        int nl = s.indexOf('\n');
        return abbreviate(nl < 0 ? s : s.substring(0, nl));
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }
}
