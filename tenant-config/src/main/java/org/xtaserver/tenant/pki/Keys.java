package org.xtaserver.tenant.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;

/** Key generation and the key-belongs-to-certificate check. */
public final class Keys {

    /** RSA size used for generated keys; 3072 bits is what BSI TR-02102 asks for beyond 2023. */
    public static final int RSA_BITS = 3072;

    private Keys() {
    }

    public static KeyPair generateRsa(int bits, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PkiException("RSA key generation failed", e);
        }
    }

    public static KeyPair generateRsa() {
        return generateRsa(RSA_BITS, new SecureRandom());
    }

    /** Whether the private key belongs to the certificate's public key. */
    public static boolean matches(PrivateKey privateKey, X509Certificate certificate) {
        return matches(privateKey, certificate.getPublicKey());
    }

    /** Whether the private key belongs to the public key. */
    public static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        if (privateKey instanceof RSAKey priv && publicKey instanceof RSAPublicKey pub) {
            if (!priv.getModulus().equals(pub.getModulus())) {
                return false;
            }
            return !(privateKey instanceof RSAPrivateCrtKey crt)
                    || crt.getPublicExponent().equals(pub.getPublicExponent());
        }
        // Other key types: prove possession with a throw-away signature.
        String algorithm = switch (privateKey.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> privateKey.getAlgorithm();
            case "DSA" -> "SHA256withDSA";
            default -> null;
        };
        if (algorithm == null || !privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
