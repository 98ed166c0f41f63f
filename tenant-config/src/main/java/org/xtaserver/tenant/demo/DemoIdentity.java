package org.xtaserver.tenant.demo;

import java.nio.file.Path;
import org.xtaserver.tenant.PartyId;

/**
 * A demo specialist procedure: its TLS client certificate, key and PKCS#12 file, and the postbox
 * identifier it acts as.
 *
 * @param name client name, also the base name of its files
 * @param certificate PEM certificate (absolute path)
 * @param privateKey unencrypted PKCS#8 PEM key (absolute path)
 * @param p12 PKCS#12 with key and chain, password {@value DemoEnvironment#P12_PASSWORD}
 * @param identifier the party identifier the client acts as
 */
public record DemoIdentity(String name, Path certificate, Path privateKey, Path p12, PartyId identifier) {
}
