package org.xtaserver.tenant.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xtaserver.tenant.TestPki;

class PemAndPkcs12Test {

    private static TestPki pki;
    private static IssuedCertificate client;

    @TempDir
    Path dir;

    @BeforeAll
    static void issue() {
        pki = new TestPki();
        client = pki.client("musterstadt-fachverfahren");
    }

    @Test
    void certificatesAndKeysSurviveAPemRoundTrip() throws Exception {
        Pem.writeCertificates(dir.resolve("chain.crt"), client.chain());
        Pem.writePrivateKey(dir.resolve("client.key"), client.privateKey());

        assertThat(Pem.readCertificates(dir.resolve("chain.crt"))).containsExactlyElementsOf(client.chain());
        assertThat(Pem.readCertificate(dir.resolve("chain.crt"))).isEqualTo(client.certificate());
        PrivateKey key = Pem.readPrivateKey(dir.resolve("client.key"));
        assertThat(key.getEncoded()).isEqualTo(client.privateKey().getEncoded());
        assertThat(Files.readString(dir.resolve("client.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("client.key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void readsDerCertificatesAndTraditionalPkcs1Keys() throws Exception {
        Files.write(dir.resolve("client.der"), client.certificate().getEncoded());
        StringWriter pkcs1 = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pkcs1)) {
            writer.writeObject(client.privateKey());
        }
        Files.writeString(dir.resolve("client-rsa.key"), pkcs1.toString());

        assertThat(pkcs1.toString()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Pem.readCertificate(dir.resolve("client.der"))).isEqualTo(client.certificate());
        assertThat(Keys.matches(Pem.readPrivateKey(dir.resolve("client-rsa.key")), client.certificate())).isTrue();
    }

    @Test
    void refusesEncryptedKeysWithoutQuotingThem() throws Exception {
        StringWriter encrypted = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(encrypted)) {
            writer.writeObject(new JcaPKCS8Generator(client.privateKey(),
                    new JceOpenSSLPKCS8EncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                            .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                            .setPassword("secret".toCharArray()).build()));
        }
        Files.writeString(dir.resolve("encrypted.key"), encrypted.toString());
        Files.writeString(dir.resolve("empty.key"), "nothing here\n");

        assertThatThrownBy(() -> Pem.readPrivateKey(dir.resolve("encrypted.key")))
                .hasMessageContaining("encrypted private key").hasMessageNotContaining("MII");
        assertThatThrownBy(() -> Pem.readPrivateKey(dir.resolve("empty.key"))).hasMessageStartingWith("no private key");
    }

    @Test
    void matchesEllipticCurveKeysToo() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair one = generator.generateKeyPair();
        KeyPair two = generator.generateKeyPair();

        assertThat(Keys.matches(one.getPrivate(), one.getPublic())).isTrue();
        assertThat(Keys.matches(one.getPrivate(), two.getPublic())).isFalse();
        assertThat(Keys.matches(one.getPrivate(), client.certificate())).isFalse();
    }

    @Test
    void writesPkcs12ThatTheJdkKeyStoreReadsWithThePassword() throws Exception {
        Path p12 = dir.resolve("client.p12");
        Pkcs12.write(p12, "musterstadt-fachverfahren", client.privateKey(), client.chain(), "demo".toCharArray());

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(p12)) {
            store.load(in, "demo".toCharArray());
        }
        assertThat(Collections.list(store.aliases())).containsExactly("musterstadt-fachverfahren");
        assertThat(store.isKeyEntry("musterstadt-fachverfahren")).isTrue();
        assertThat(store.getKey("musterstadt-fachverfahren", "demo".toCharArray()).getEncoded())
                .isEqualTo(client.privateKey().getEncoded());
        assertThat(store.getCertificateChain("musterstadt-fachverfahren")).containsExactly(
                client.certificate(), pki.ca().certificate());

        Pkcs12.Entry entry = Pkcs12.read(p12, "demo".toCharArray());
        assertThat(entry.alias()).isEqualTo("musterstadt-fachverfahren");
        assertThat(entry.certificate()).isEqualTo(client.certificate());
        assertThat(entry.chain()).hasSize(2);
        assertThat(entry.toString()).doesNotContain("modulus", "exponent");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p12))).isEqualTo("rw-------");
        assertThatThrownBy(() -> Pkcs12.read(p12, "wrong".toCharArray())).hasMessageContaining("wrong password");
    }

    @Test
    void protectsPkcs12WithPbes2AndAnSha256Mac() throws Exception {
        byte[] encoded = Pkcs12.encode("client", client.privateKey(), List.of(client.certificate()), "demo".toCharArray());
        PKCS12PfxPdu pfx = new PKCS12PfxPdu(encoded);

        assertThat(pfx.getMacAlgorithmID().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha256);
        for (ContentInfo info : pfx.getContentInfos()) {
            if (info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)) {
                assertThat(EncryptedData.getInstance(info.getContent()).getEncryptionAlgorithm()
                        .getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
            } else {
                for (PKCS12SafeBag bag : new PKCS12SafeBagFactory(info).getSafeBags()) {
                    assertThat(bag.getType()).isEqualTo(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag);
                    assertThat(((org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo) bag.getBagValue())
                            .getEncryptionAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
                }
            }
        }
    }

    @Test
    void fingerprintsAreLowercaseHexAndAcceptHumanForms() throws Exception {
        X509Certificate cert = client.certificate();
        String expected = java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        String colons = Fingerprints.colonSeparated(expected);

        assertThat(Fingerprints.sha256(cert)).isEqualTo(expected).hasSize(64);
        assertThat(colons).hasSize(95).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(Fingerprints.parse(colons)).contains(expected);
        assertThat(Fingerprints.parse("sha256 Fingerprint=" + colons)).contains(expected);
        assertThat(Fingerprints.parse("SHA256:" + expected.toUpperCase())).contains(expected);
        assertThat(Fingerprints.parse(expected.substring(2))).isEmpty();
        assertThat(Fingerprints.parse("zz" + expected.substring(2))).isEmpty();
    }
}
