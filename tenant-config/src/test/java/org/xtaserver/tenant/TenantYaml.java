package org.xtaserver.tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tenant files for tests. */
final class TenantYaml {

    private TenantYaml() {
    }

    /** A valid tenant with one postbox {@code xoev:<party>} and one client pinned by fingerprint. */
    static String tenant(String id, String party, String sha256) {
        return """
                id: %s
                displayName: Tenant %s
                municipalityKey: "09999001"
                postboxes:
                  - identifier:
                      type: xoev
                      category: Sozialamt
                      name: Sozialamt %s
                      value: "%s"
                    services:
                      - service: urn:xoev-de:xsozial:demo:sozialhilfe
                        parameters:
                          - type: ENCRYPTION_CERTIFICATE
                            value: MIIBdemo
                clients:
                  - name: %s-fachverfahren
                    certificates:
                      - sha256: "%s"
                    actAs:
                      - type: xoev
                        value: "%s"
                """.formatted(id, id, id, party, id, sha256, party);
    }

    static String sha(int n) {
        return String.format("%064x", n);
    }

    static Path write(Path dir, String fileName, String content) {
        try {
            Path file = dir.resolve(fileName);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
