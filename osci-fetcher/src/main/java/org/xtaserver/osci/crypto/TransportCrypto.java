package org.xtaserver.osci.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xtaserver.osci.mime.MimeCodec;
import org.xtaserver.osci.mime.MimeMessage;
import org.xtaserver.osci.mime.MimePart;
import org.xtaserver.osci.xml.Xml;

/**
 * The OSCI transport layer (Auftragsebene): the whole inner MIME message encrypted into part {@code <osci_enc>},
 * described by an outer envelope ({@code soapMessageEncrypted.xsd}) with one {@code xenc:EncryptedData}
 * whose {@code EncryptedKey} carries the recipient's cipher certificate.
 */
public final class TransportCrypto {

    /** Parameters of a sealed message. */
    public record Algorithms(SymmetricAlgorithm symmetric, KeyTransportAlgorithm keyTransport) {
        /** The Governikus default: AES-256-GCM, RSA-OAEP with SHA-256/MGF1-SHA256. */
        public static final Algorithms GOVERNIKUS =
                new Algorithms(SymmetricAlgorithm.AES256_GCM, KeyTransportAlgorithm.RSA_OAEP_SHA256);
    }

    /**
     * An opened transport message.
     *
     * @param innerMime the plaintext inner MIME message
     * @param algorithms what the peer used (answer with the same)
     * @param recipientCertificate the certificate named in the EncryptedKey, if any
     */
    public record Opened(byte[] innerMime, Algorithms algorithms, X509Certificate recipientCertificate) {
    }

    private final SecureRandom random;
    private final MimeCodec mime;

    public TransportCrypto(SecureRandom random) {
        this.random = random;
        this.mime = new MimeCodec(random);
    }

    /** Encrypts {@code innerMime} for {@code recipient}; returns the outer MIME message (HTTP body). */
    public byte[] seal(byte[] innerMime, X509Certificate recipient, Algorithms alg) {
        byte[] key = new byte[alg.symmetric().keyLength()];
        random.nextBytes(key);
        byte[] blob = encryptSymmetric(alg.symmetric(), key, innerMime, random);
        byte[] wrapped = wrapKey(alg.keyTransport(), recipient, key);
        String envelope = outerEnvelope(alg, recipient, wrapped);
        byte[] envBytes = envelope.getBytes(StandardCharsets.UTF_8);
        MimePart xml = MimePart.of("text/xml; charset=UTF-8", "8bit", MimeMessage.OSCI_MESSAGE, envBytes);
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>(xml.headers());
        h.put("Content-Length", Integer.toString(envBytes.length));
        MimePart enc = MimePart.of("application/octet-stream", "binary", MimeMessage.OSCI_ENC, blob);
        return mime.write(new MimeMessage(mime.newBoundary(), List.of(new MimePart(h, envBytes), enc)));
    }

    /** Decrypts an outer MIME message with the recipient's private key; returns the inner MIME message. */
    public Opened open(byte[] outerMime, PrivateKey key) {
        MimeMessage outer = mime.parse(outerMime);
        Document env = Xml.parse(outer.requirePart(MimeMessage.OSCI_MESSAGE).body());
        Element encData = Xml.descendant(env, Xml.XENC, "EncryptedData");
        if (encData == null) {
            throw new OsciCryptoException("outer envelope without xenc:EncryptedData (not transport-encrypted)");
        }
        Element method = Xml.child(encData, Xml.XENC, "EncryptionMethod");
        SymmetricAlgorithm sym = SymmetricAlgorithm.ofUri(method.getAttribute("Algorithm"));
        Element ivLength = Xml.child(method, Xml.OSCI128, "IvLength");
        int ivLen = sym.gcm() ? (ivLength == null ? 12 : Integer.parseInt(ivLength.getAttribute("Value"))) : 16;
        Element encKey = Xml.descendant(encData, Xml.XENC, "EncryptedKey");
        if (encKey == null) {
            throw new OsciCryptoException("no xenc:EncryptedKey in the outer envelope");
        }
        Element km = Xml.child(encKey, Xml.XENC, "EncryptionMethod");
        String ktUri = km.getAttribute("Algorithm");
        KeyTransportAlgorithm kt = Arrays.stream(KeyTransportAlgorithm.values())
                .filter(a -> a.uri().equals(ktUri)).findFirst()
                .orElseThrow(() -> new OsciCryptoException("unsupported key transport " + ktUri));
        Element mgf = Xml.child(km, Xml.XENC11, "MGF");
        Element dm = Xml.child(km, Xml.DS, "DigestMethod");
        byte[] wrapped = Xml.base64Decode(Xml.descendant(encKey, Xml.XENC, "CipherValue").getTextContent());
        byte[] sessionKey = unwrapKey(ktUri, mgf == null ? null : mgf.getAttribute("Algorithm"),
                dm == null ? null : dm.getAttribute("Algorithm"), key, wrapped);
        X509Certificate recipientCert = null;
        Element certEl = Xml.descendant(encKey, Xml.DS, "X509Certificate");
        if (certEl != null) {
            recipientCert = Certificates.parse(Xml.base64Decode(certEl.getTextContent()));
        }
        // the EncryptedData's own CipherData is its last child CipherData (the EncryptedKey has one too)
        Element cipherData = Xml.child(encData, Xml.XENC, "CipherData");
        byte[] blob;
        Element ref = Xml.child(cipherData, Xml.XENC, "CipherReference");
        if (ref != null) {
            String uri = ref.getAttribute("URI");
            if (!uri.startsWith("cid:")) {
                throw new OsciCryptoException("unsupported CipherReference " + uri);
            }
            // Governikus declares a base64 transform but sends raw binary: never decode
            blob = outer.requirePart(uri.substring(4)).body();
        } else {
            blob = Xml.base64Decode(Xml.child(cipherData, Xml.XENC, "CipherValue").getTextContent());
        }
        byte[] plain = decryptSymmetric(sym, sessionKey, blob, ivLen);
        return new Opened(plain, new Algorithms(sym, kt), recipientCert);
    }

    /** Encrypts: GCM → IV(12)||ct||tag(16); CBC → IV(16)||ct (PKCS#5 padding is valid XML Encryption padding). */
    public static byte[] encryptSymmetric(SymmetricAlgorithm alg, byte[] key, byte[] plain, SecureRandom random) {
        try {
            int ivLen = alg.gcm() ? 12 : 16;
            byte[] iv = new byte[ivLen];
            random.nextBytes(iv);
            Cipher c;
            if (alg.gcm()) {
                c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            } else {
                c = Cipher.getInstance("AES/CBC/PKCS5Padding");
                c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            }
            byte[] ct = c.doFinal(plain);
            byte[] out = new byte[ivLen + ct.length];
            System.arraycopy(iv, 0, out, 0, ivLen);
            System.arraycopy(ct, 0, out, ivLen, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new OsciCryptoException("symmetric encryption failed: " + e.getMessage(), e);
        }
    }

    /** Decrypts a blob produced by {@link #encryptSymmetric}; CBC padding is removed the XML Encryption way. */
    public static byte[] decryptSymmetric(SymmetricAlgorithm alg, byte[] key, byte[] blob, int ivLen) {
        if (key.length != alg.keyLength()) {
            throw new OsciCryptoException("session key has " + key.length * 8 + " bit, " + alg + " needs "
                    + alg.keyLength() * 8);
        }
        if (blob.length < ivLen + (alg.gcm() ? 16 : 16)) {
            throw new OsciCryptoException("cipher blob too short (" + blob.length + " bytes)");
        }
        try {
            byte[] iv = Arrays.copyOfRange(blob, 0, ivLen);
            if (alg.gcm()) {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
                return c.doFinal(blob, ivLen, blob.length - ivLen);
            }
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            byte[] p = c.doFinal(blob, ivLen, blob.length - ivLen);
            int pad = p.length == 0 ? 0 : p[p.length - 1] & 0xff;
            if (pad < 1 || pad > 16 || pad > p.length) {
                throw new OsciCryptoException("bad CBC padding");
            }
            return Arrays.copyOf(p, p.length - pad);
        } catch (GeneralSecurityException e) {
            throw new OsciCryptoException("transport decryption failed (" + alg + "): " + e.getMessage(), e);
        }
    }

    /** RSA-OAEP-wraps a session key for {@code recipient}. */
    public static byte[] wrapKey(KeyTransportAlgorithm kt, X509Certificate recipient, byte[] key) {
        try {
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
            c.init(Cipher.ENCRYPT_MODE, recipient.getPublicKey(), kt == KeyTransportAlgorithm.RSA_OAEP_SHA256
                    ? KeyTransportAlgorithm.spec(kt.uri(), KeyTransportAlgorithm.MGF1_SHA256, KeyTransportAlgorithm.SHA256)
                    : KeyTransportAlgorithm.spec(kt.uri(), null, null));
            return c.doFinal(key);
        } catch (GeneralSecurityException e) {
            throw new OsciCryptoException("key transport failed: " + e.getMessage(), e);
        }
    }

    /** Unwraps a session key. */
    public static byte[] unwrapKey(String algorithm, String mgfUri, String digestUri, PrivateKey key, byte[] wrapped) {
        try {
            Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
            c.init(Cipher.DECRYPT_MODE, key, KeyTransportAlgorithm.spec(algorithm, mgfUri, digestUri));
            return c.doFinal(wrapped);
        } catch (GeneralSecurityException e) {
            throw new OsciCryptoException("cannot unwrap the session key (message not encrypted for this key?): "
                    + e.getMessage(), e);
        }
    }

    /** The XML of an {@code xenc:EncryptedKey} element (prefixes xenc/ds assumed declared by the caller). */
    public static String encryptedKeyXml(KeyTransportAlgorithm kt, X509Certificate recipient, byte[] wrapped) {
        StringBuilder b = new StringBuilder();
        b.append("<xenc:EncryptedKey><xenc:EncryptionMethod Algorithm=\"").append(kt.uri()).append("\">");
        if (kt == KeyTransportAlgorithm.RSA_OAEP_SHA256) {
            b.append("<xenc11:MGF xmlns:xenc11=\"").append(Xml.XENC11).append("\" Algorithm=\"")
                    .append(KeyTransportAlgorithm.MGF1_SHA256).append("\"></xenc11:MGF>");
            b.append("<ds:DigestMethod Algorithm=\"").append(KeyTransportAlgorithm.SHA256)
                    .append("\"></ds:DigestMethod>");
        }
        b.append("</xenc:EncryptionMethod><ds:KeyInfo><ds:X509Data><ds:X509Certificate>")
                .append(Xml.base64Lines(Certificates.der(recipient)))
                .append("</ds:X509Certificate></ds:X509Data></ds:KeyInfo><xenc:CipherData><xenc:CipherValue>")
                .append(Xml.base64Lines(wrapped))
                .append("</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey>");
        return b.toString();
    }

    /** {@code xenc:EncryptionMethod} of the symmetric layer. */
    public static String symmetricMethodXml(SymmetricAlgorithm sym) {
        String m = "<xenc:EncryptionMethod Algorithm=\"" + sym.uri() + "\">";
        if (sym.gcm()) {
            m += "<osci128:IvLength xmlns:osci128=\"" + Xml.OSCI128 + "\" Value=\"12\"></osci128:IvLength>";
        }
        return m + "</xenc:EncryptionMethod>";
    }

    private static String outerEnvelope(Algorithms alg, X509Certificate recipient, byte[] wrapped) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n"
                + "<soap:Envelope xmlns:ds=\"" + Xml.DS + "\" xmlns:soap=\"" + Xml.SOAP + "\" xmlns:xenc=\"" + Xml.XENC
                + "\" xmlns:xsi=\"" + Xml.XSI + "\" xsi:schemaLocation=\"" + Xml.SOAP + " soapMessageEncrypted.xsd "
                + Xml.DS + " oscisig.xsd " + Xml.XENC + " oscienc.xsd\"><soap:Body>"
                + "<xenc:EncryptedData MimeType=\"Multipart/Related\">" + symmetricMethodXml(alg.symmetric())
                + "<ds:KeyInfo>" + encryptedKeyXml(alg.keyTransport(), recipient, wrapped) + "</ds:KeyInfo>"
                + "<xenc:CipherData><xenc:CipherReference URI=\"cid:" + MimeMessage.OSCI_ENC + "\"><xenc:Transforms>"
                + "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#base64\"></ds:Transform>"
                + "</xenc:Transforms></xenc:CipherReference></xenc:CipherData></xenc:EncryptedData>"
                + "</soap:Body></soap:Envelope>";
    }
}
