package org.xtaserver.tenant.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Reads and writes PEM certificates and private keys. Keys are read from unencrypted PKCS#8
 * ({@code PRIVATE KEY}) or traditional OpenSSL form ({@code RSA PRIVATE KEY}, {@code EC PRIVATE
 * KEY}) and always written as unencrypted PKCS#8 with owner-only file permissions.
 *
 * <p>Error messages name the file but never quote its content.
 */
public final class Pem {

    private Pem() {
    }

    /** All certificates in a PEM file (a DER file with one certificate is accepted too). */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        List<X509Certificate> certificates = text.contains("-----BEGIN")
                ? parseCertificates(new StringReader(text), file)
                : List.of(parseDer(bytes, file));
        if (certificates.isEmpty()) {
            throw new IOException("no certificate in " + file);
        }
        return certificates;
    }

    /** The first certificate of a PEM (or DER) file. */
    public static X509Certificate readCertificate(Path file) throws IOException {
        return readCertificates(file).get(0);
    }

    /** Certificates from PEM text. */
    public static List<X509Certificate> parseCertificates(String pem) throws IOException {
        return parseCertificates(new StringReader(pem), null);
    }

    /** The private key in a PEM file; encrypted keys are refused with a clear message. */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            return parsePrivateKey(reader, file.toString());
        }
    }

    /** The private key in PEM text. */
    public static PrivateKey parsePrivateKey(String pem) throws IOException {
        return parsePrivateKey(new StringReader(pem), "PEM text");
    }

    /** PEM text of the certificates, in order. */
    public static String encode(Collection<X509Certificate> certificates) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            for (X509Certificate c : certificates) {
                writer.writeObject(new PemObject("CERTIFICATE", c.getEncoded()));
            }
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
        return out.toString();
    }

    public static String encode(X509Certificate certificate) {
        return encode(List.of(certificate));
    }

    /** PEM text of the key as unencrypted PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}). */
    public static String encodePrivateKey(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("key is not exportable as PKCS#8 (format " + key.getFormat() + ")");
        }
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject("PRIVATE KEY", key.getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static void writeCertificates(Path file, List<X509Certificate> certificates) throws IOException {
        SecureFiles.writeAtomically(file, encode(certificates).getBytes(StandardCharsets.US_ASCII), false);
    }

    public static void writeCertificate(Path file, X509Certificate certificate) throws IOException {
        writeCertificates(file, List.of(certificate));
    }

    /** Writes the key as unencrypted PKCS#8, readable by the owner only. */
    public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
        SecureFiles.writeAtomically(file, encodePrivateKey(key).getBytes(StandardCharsets.US_ASCII), true);
    }

    private static List<X509Certificate> parseCertificates(Reader reader, Path file) throws IOException {
        String where = file == null ? "PEM text" : file.toString();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> result = new ArrayList<>();
        try (PEMParser parser = new PEMParser(reader)) {
            Object o;
            while ((o = readObject(parser, where)) != null) {
                if (o instanceof X509CertificateHolder holder) {
                    result.add(converter.getCertificate(holder));
                }
            }
        } catch (CertificateException e) {
            throw new IOException("invalid certificate in " + where, e);
        }
        return result;
    }

    private static X509Certificate parseDer(byte[] der, Path file) throws IOException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IOException("not a PEM or DER certificate: " + file);
        }
    }

    private static PrivateKey parsePrivateKey(Reader reader, String where) throws IOException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(reader)) {
            Object o;
            // Skip unrelated blocks such as "EC PARAMETERS" or a certificate in the same file.
            while ((o = readObject(parser, where)) != null) {
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo || o instanceof PEMEncryptedKeyPair) {
                    throw new IOException("encrypted private key in " + where + " is not supported; "
                            + "store it unencrypted (PKCS#8) and protect the file instead");
                }
            }
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            // Converter failures can carry key details in their messages: report the file only.
            throw new IOException("unreadable private key in " + where);
        }
        throw new IOException("no private key in " + where);
    }

    private static Object readObject(PEMParser parser, String where) throws IOException {
        try {
            return parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IOException("malformed PEM in " + where);
        }
    }
}
