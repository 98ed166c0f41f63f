package org.xtaserver.osci.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import org.xtaserver.osci.crypto.Credentials;

/**
 * The intermediary's two identities: transport decryption ({@code cipher}) and SupplierSignature
 * ({@code signature}).
 *
 * @param cipher decrypts requests; its certificate is what clients encrypt for
 * @param signature signs responses
 */
public record SimulatorKeys(Credentials cipher, Credentials signature) {

    /** Default PIN of the golden test PKI. */
    public static final char[] TEST_PIN = "123456".toCharArray();

    /** Fresh TEST keys. */
    public static SimulatorKeys generate(Instant now, SecureRandom random) {
        return new SimulatorKeys(TestPki.credentials("OSCI Simulator Intermediary Cipher", now, random),
                TestPki.credentials("OSCI Simulator Intermediary Signature", now, random));
    }

    /**
     * Loads {@code intermediary-cipher.p12} and {@code intermediary-signature.p12} (the golden {@code pki/} layout)
     * from {@code dir} with {@code pin}.
     */
    public static SimulatorKeys load(Path dir, char[] pin) {
        Path c = dir.resolve("intermediary-cipher.p12");
        Path s = dir.resolve("intermediary-signature.p12");
        if (!Files.isRegularFile(c) || !Files.isRegularFile(s)) {
            throw new IllegalArgumentException(dir + " must hold intermediary-cipher.p12 and intermediary-signature.p12");
        }
        return new SimulatorKeys(Credentials.fromPkcs12(c, pin, "intermediary-cipher"),
                Credentials.fromPkcs12(s, pin, "intermediary-signature"));
    }
}
