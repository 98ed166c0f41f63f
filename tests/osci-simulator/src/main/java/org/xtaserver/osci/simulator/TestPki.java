package org.xtaserver.osci.simulator;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.xtaserver.osci.crypto.Credentials;

/**
 * TEST KEYS ONLY: self-signed RSA certificates made with BouncyCastle for the simulator and for tests. Every
 * subject carries {@code OU=TEST KEYS ONLY}.
 */
public final class TestPki {

    private TestPki() {
    }

    /** A fresh RSA key pair (2048 bit keeps test runs fast). */
    public static KeyPair rsa(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, random);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A self-signed certificate for {@code keys}, valid from {@code notBefore} to {@code notAfter}. */
    public static X509Certificate certificate(KeyPair keys, String cn, Instant notBefore, Instant notAfter,
            SecureRandom random) {
        try {
            X500Name name = new X500Name("CN=" + cn + ",OU=TEST KEYS ONLY,O=xta-server osci-simulator,C=DE");
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, new BigInteger(64, random).abs(),
                    Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create test certificate: " + e.getMessage(), e);
        }
    }

    /** A new key with a certificate valid from a day ago for ten years. */
    public static Credentials credentials(String cn, Instant now, SecureRandom random) {
        KeyPair kp = rsa(random);
        return new Credentials(kp.getPrivate(), certificate(kp, cn, now.minusSeconds(86_400),
                now.plusSeconds(3650L * 86_400), random));
    }

    /** The same key with an already expired certificate. */
    public static X509Certificate expiredCertificate(Credentials c, Instant now, SecureRandom random) {
        KeyPair kp = new KeyPair(c.certificate().getPublicKey(), c.privateKey());
        return certificate(kp, "EXPIRED OSCI Simulator Intermediary Signature",
                now.minusSeconds(20L * 86_400), now.minusSeconds(10L * 86_400), random);
    }
}
