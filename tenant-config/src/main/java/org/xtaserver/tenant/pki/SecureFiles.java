package org.xtaserver.tenant.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that readers never see half a file, and secrets are never readable by others,
 * not even for the moment between creating and restricting the file.
 */
public final class SecureFiles {

    private SecureFiles() {
    }

    /**
     * Writes {@code content} to a temporary file next to {@code target} and renames it over the
     * target (atomically where the file system allows).
     *
     * @param secret create the file readable and writable by the owner only (POSIX systems);
     *     otherwise it becomes readable by everyone ({@code rw-r--r--})
     */
    public static void writeAtomically(Path target, byte[] content, boolean secret) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = isPosix();
        Path tmp = posix
                ? Files.createTempFile(dir, "." + target.getFileName(), ".tmp", ownerOnly())
                : Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            if (posix && !secret) {
                // Temporary files start owner-only; certificates and configuration are public.
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(content);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }
}
