package org.xtaserver.tenant.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority for demo and test environments: a self-signed RSA root that
 * issues TLS server and client certificates (SHA256withRSA, RSA {@value Keys#RSA_BITS} keys).
 * Validity periods are passed in explicitly (see {@link Validity#starting}) so tests can issue
 * expired or not-yet-valid certificates.
 *
 * <p>Not a production CA: no revocation, no key protection beyond the file system.
 */
public final class CertificateAuthority {

    private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
    /** Subject alternative names of a local server certificate. */
    public static final List<String> LOCALHOST_NAMES = List.of("localhost");
    public static final List<String> LOCALHOST_ADDRESSES = List.of("127.0.0.1", "::1");

    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final SecureRandom random;

    /**
     * Uses an existing CA certificate and key, e.g. read back from disk.
     *
     * @throws IllegalArgumentException when the certificate is not a CA or the key does not match
     */
    public CertificateAuthority(X509Certificate certificate, PrivateKey privateKey) {
        this(certificate, privateKey, new SecureRandom());
    }

    private CertificateAuthority(X509Certificate certificate, PrivateKey privateKey, SecureRandom random) {
        if (certificate.getBasicConstraints() < 0) {
            throw new IllegalArgumentException("not a CA certificate: " + certificate.getSubjectX500Principal());
        }
        if (!Keys.matches(privateKey, certificate)) {
            throw new IllegalArgumentException("private key does not belong to " + certificate.getSubjectX500Principal());
        }
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.random = random;
    }

    /** Creates a self-signed root CA with a fresh RSA {@value Keys#RSA_BITS} key. */
    public static CertificateAuthority createRoot(String subjectDn, Validity validity) {
        SecureRandom random = new SecureRandom();
        return createRoot(subjectDn, validity, Keys.generateRsa(Keys.RSA_BITS, random), random);
    }

    /** Creates a self-signed root CA with the given key pair. */
    public static CertificateAuthority createRoot(String subjectDn, Validity validity, KeyPair keyPair) {
        return createRoot(subjectDn, validity, keyPair, new SecureRandom());
    }

    private static CertificateAuthority createRoot(String subjectDn, Validity validity, KeyPair keyPair,
            SecureRandom random) {
        try {
            X500Name subject = name(subjectDn);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(random),
                    Date.from(validity.notBefore()), Date.from(validity.notAfter()), subject, keyPair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            ext.createSubjectKeyIdentifier(keyPair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(keyPair.getPublic()));
            X509Certificate cert = sign(builder, keyPair.getPrivate());
            return new CertificateAuthority(cert, keyPair.getPrivate(), random);
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new PkiException("creating CA " + subjectDn + " failed", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** A TLS server certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1}. */
    public IssuedCertificate issueServerCertificate(String subjectDn, Validity validity) {
        return issueServerCertificate(subjectDn, LOCALHOST_NAMES, LOCALHOST_ADDRESSES, validity);
    }

    /**
     * A TLS server certificate (extended key usage serverAuth) with the given subject alternative
     * names.
     *
     * @param ipAddresses literal IPv4/IPv6 addresses
     */
    public IssuedCertificate issueServerCertificate(String subjectDn, List<String> dnsNames, List<String> ipAddresses,
            Validity validity) {
        return issueServerCertificate(subjectDn, Keys.generateRsa(Keys.RSA_BITS, random), dnsNames, ipAddresses,
                validity);
    }

    /** A TLS server certificate for an existing key pair. */
    public IssuedCertificate issueServerCertificate(String subjectDn, KeyPair keyPair, List<String> dnsNames,
            List<String> ipAddresses, Validity validity) {
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
        // BouncyCastle parses literal addresses itself and rejects host names (no DNS lookup).
        ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        return issue(subjectDn, keyPair, validity, KeyPurposeId.id_kp_serverAuth,
                new GeneralNames(names.toArray(GeneralName[]::new)));
    }

    /** A TLS client certificate (extended key usage clientAuth) with a fresh key. */
    public IssuedCertificate issueClientCertificate(String subjectDn, Validity validity) {
        return issueClientCertificate(subjectDn, Keys.generateRsa(Keys.RSA_BITS, random), validity);
    }

    /** A TLS client certificate for an existing key pair (e.g. a renewal keeping the key). */
    public IssuedCertificate issueClientCertificate(String subjectDn, KeyPair keyPair, Validity validity) {
        return issue(subjectDn, keyPair, validity, KeyPurposeId.id_kp_clientAuth, null);
    }

    private IssuedCertificate issue(String subjectDn, KeyPair keyPair, Validity validity, KeyPurposeId purpose,
            GeneralNames subjectAltNames) {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            PublicKey publicKey = keyPair.getPublic();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(random),
                    Date.from(validity.notBefore()), Date.from(validity.notAfter()), name(subjectDn), publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(certificate));
            if (subjectAltNames != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames);
            }
            X509Certificate issued = sign(builder, privateKey);
            return new IssuedCertificate(issued, keyPair.getPrivate(), List.of(issued, certificate));
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new PkiException("issuing certificate for " + subjectDn + " failed", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
            throws OperatorCreationException, CertificateException {
        ContentSigner signer = new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signingKey);
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    /**
     * Parses the DN as RFC 2253 (first RDN printed = last RDN encoded), as the JDK and OpenSSL
     * do; BouncyCastle's own string parser would keep the written order and produce certificates
     * whose subject prints reversed ("C=DE,O=...,CN=...").
     */
    private static X500Name name(String dn) {
        return X500Name.getInstance(new X500Principal(dn).getEncoded());
    }

    /** Positive, unpredictable, at most 20 octets (RFC 5280 4.1.2.2). */
    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }
}
