package org.xtaserver.osci.crypto;

import java.security.spec.MGF1ParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/** RSA key transport of OSCI 1.2 (Korrigendum 4). */
public enum KeyTransportAlgorithm {
    /** {@code xenc11#rsa-oaep} with MGF1-SHA256 and SHA-256: the Governikus default. */
    RSA_OAEP_SHA256("http://www.w3.org/2009/xmlenc11#rsa-oaep"),
    /** {@code xenc#rsa-oaep-mgf1p} with SHA-1 (older peers). */
    RSA_OAEP_MGF1P("http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p");

    static final String MGF1_SHA256 = "http://www.w3.org/2009/xmlenc11#mgf1sha256";
    static final String MGF1_SHA1 = "http://www.w3.org/2009/xmlenc11#mgf1sha1";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";

    private final String uri;

    KeyTransportAlgorithm(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    /** OAEP parameters from the algorithm and the optional MGF / DigestMethod URIs of the EncryptionMethod. */
    static OAEPParameterSpec spec(String algorithm, String mgfUri, String digestUri) {
        String digest = digestUri == null ? "SHA-1" : switch (digestUri) {
            case SHA256 -> "SHA-256";
            case SHA1 -> "SHA-1";
            case "http://www.w3.org/2001/04/xmlenc#sha512" -> "SHA-512";
            case "http://www.w3.org/2001/04/xmldsig-more#sha384" -> "SHA-384";
            default -> throw new OsciCryptoException("unsupported OAEP digest " + digestUri);
        };
        MGF1ParameterSpec mgf;
        if (RSA_OAEP_MGF1P.uri.equals(algorithm) || mgfUri == null) {
            mgf = MGF1ParameterSpec.SHA1;
        } else {
            mgf = switch (mgfUri) {
                case MGF1_SHA256 -> MGF1ParameterSpec.SHA256;
                case MGF1_SHA1 -> MGF1ParameterSpec.SHA1;
                case "http://www.w3.org/2009/xmlenc11#mgf1sha384" -> MGF1ParameterSpec.SHA384;
                case "http://www.w3.org/2009/xmlenc11#mgf1sha512" -> MGF1ParameterSpec.SHA512;
                default -> throw new OsciCryptoException("unsupported MGF " + mgfUri);
            };
        }
        return new OAEPParameterSpec(digest, "MGF1", mgf, PSource.PSpecified.DEFAULT);
    }
}
