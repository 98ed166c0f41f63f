package org.xtaserver.tenant.demo;

import java.nio.file.Path;
import java.util.List;

/**
 * The demo environment under {@code data/demo/}; all paths absolute.
 *
 * @param directory {@code data/demo}
 * @param caCertificate the demo CA certificate (trust anchor for server and client certificates)
 * @param caKey the demo CA key
 * @param serverCertificate TLS server certificate for localhost, 127.0.0.1 and ::1
 * @param serverKey its unencrypted PKCS#8 key
 * @param serverP12 server key and chain as PKCS#12, password {@value DemoEnvironment#P12_PASSWORD}
 * @param tenantsDirectory the demo tenant files
 * @param identitiesFile {@code identities.json}, written last
 * @param identities the demo clients
 * @param created whether this call created the environment (false: it existed already)
 */
public record DemoSetup(Path directory, Path caCertificate, Path caKey, Path serverCertificate, Path serverKey,
        Path serverP12, Path tenantsDirectory, Path identitiesFile, List<DemoIdentity> identities, boolean created) {

    public DemoSetup {
        identities = List.copyOf(identities);
    }
}
