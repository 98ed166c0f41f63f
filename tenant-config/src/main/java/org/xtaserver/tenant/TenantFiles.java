package org.xtaserver.tenant;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads tenant files: every {@code *.yaml}/{@code *.yml} file directly inside a folder is one
 * tenant whose id is the file name without extension. Hidden files (starting with '.') are
 * skipped, which also skips the {@code ..data} links of a Kubernetes ConfigMap volume; symbolic
 * links to files are followed. Other files (e.g. a README) are ignored. The format is described
 * in the module README.
 *
 * <p>Every file is checked on its own, so one broken file never prevents the others from
 * loading; then claims across files are checked (see {@link #load(Path)}).
 */
public final class TenantFiles {

    private static final Logger LOG = LoggerFactory.getLogger(TenantFiles.class);
    /** Tenant files are small; anything larger is a mistake (or an attack on the parser). */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private final TenantFileReader reader;

    /** @param clock decides whether referenced certificates have expired */
    public TenantFiles(Clock clock) {
        this.reader = new TenantFileReader(clock);
    }

    /**
     * Loads every tenant file of the folder from scratch (a cold start).
     *
     * <p>A postbox identifier or certificate matcher claimed by several files is reported in each
     * of them and none of them is loaded: with no previous state there is no fair way to choose.
     * ({@link TenantRegistry#reload()} instead lets the tenant that owned it before keep it.)
     */
    public TenantLoadReport load(Path folder) {
        TenantResolver.Resolution resolution = TenantResolver.resolve(scan(folder), Map.of());
        TenantLoadReport report = new TenantLoadReport(resolution.directory(), resolution.problems());
        LOG.info("Loaded {} tenant(s) from {}, {} problem(s)", report.tenants().size(), folder,
                report.problems().size());
        return report;
    }

    /** Whether the path names a tenant file (by its name only). */
    public static boolean isTenantFileName(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (lower.endsWith(".yaml") || lower.endsWith(".yml"));
    }

    /** Reads and checks each file on its own; no cross-file rules yet. */
    FolderScan scan(Path folder) {
        if (!Files.isDirectory(folder)) {
            return FolderScan.unlisted(folder, "tenant folder does not exist or is not a directory");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path p : stream) {
                if (isTenantFileName(p) && Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            return FolderScan.unlisted(folder, "tenant folder cannot be listed: " + e);
        }
        files.sort(null);
        Map<String, List<FileResult>> byId = new LinkedHashMap<>();
        List<FileResult> results = new ArrayList<>();
        for (Path file : files) {
            FileResult result = readFile(file);
            results.add(result);
            if (result.id() != null) {
                byId.computeIfAbsent(result.id().value(), k -> new ArrayList<>()).add(result);
            }
        }
        // musterstadt.yaml next to musterstadt.yml: neither is trusted.
        for (List<FileResult> same : byId.values()) {
            if (same.size() > 1) {
                for (FileResult r : same) {
                    List<String> others = same.stream().filter(o -> o != r)
                            .map(o -> o.file().getFileName().toString()).toList();
                    results.set(results.indexOf(r), r.rejected(new TenantConfigProblem(r.file(), "",
                            "tenant " + r.id() + " is also defined by " + String.join(", ", others)
                                    + "; keep one file per tenant")));
                }
            }
        }
        return new FolderScan(folder, true, results, List.of());
    }

    private FileResult readFile(Path file) {
        Problems problems = new Problems(file);
        String name = file.getFileName().toString();
        String base = name.substring(0, name.lastIndexOf('.'));
        if (!TenantId.isValid(base)) {
            problems.add("", "file name must be the tenant id followed by .yaml (lowercase letters, digits and "
                    + "'-', 1 to 63 characters, starting and ending with a letter or digit)");
            return new FileResult(file, null, null, null, problems.list());
        }
        TenantId id = TenantId.of(base);
        byte[] content;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                problems.add("", "larger than " + MAX_FILE_BYTES + " bytes");
                return new FileResult(file, id, null, null, problems.list());
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add("", "cannot read file: " + e);
            return new FileResult(file, id, null, null, problems.list());
        }
        Tenant tenant = reader.read(file, id, content, problems);
        if (tenant == null && problems.isEmpty()) {
            problems.add("", "not accepted");
        }
        if (!problems.isEmpty()) {
            LOG.debug("Tenant file {} has {} problem(s)", file, problems.count());
            return new FileResult(file, id, null, sha256(content), problems.list());
        }
        LOG.debug("Tenant file {} read: tenant {}", file, id);
        return new FileResult(file, id, tenant, sha256(content), List.of());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One tenant file after the per-file checks.
     *
     * @param id null when the file name is no tenant id
     * @param tenant null when the file has problems
     * @param contentSha256 hash of the file content (tells a re-applied file from a changed one)
     */
    record FileResult(Path file, TenantId id, Tenant tenant, String contentSha256,
            List<TenantConfigProblem> problems) {

        FileResult rejected(TenantConfigProblem problem) {
            List<TenantConfigProblem> all = new ArrayList<>(problems);
            all.add(problem);
            return new FileResult(file, id, null, contentSha256, List.copyOf(all));
        }
    }

    /**
     * The per-file results of one folder.
     *
     * @param listed false when the folder could not be read at all (then nothing may be removed)
     */
    record FolderScan(Path folder, boolean listed, List<FileResult> files, List<TenantConfigProblem> folderProblems) {

        static FolderScan unlisted(Path folder, String reason) {
            return new FolderScan(folder, false, List.of(), List.of(new TenantConfigProblem(folder, "", reason)));
        }
    }
}
