package org.xtaserver.osci.crypto;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.crypto.Data;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.URIDereferencer;
import javax.xml.crypto.URIReference;
import javax.xml.crypto.URIReferenceException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xtaserver.osci.xml.Xml;

/**
 * {@code ClientSignature} / {@code SupplierSignature}: enveloped-by-placement XML signatures (RSA-SHA256, C14N 1.0
 * as canonicalisation and reference transform, SHA-256 digests) over header blocks and Body referenced by
 * {@code Id}, made with the JDK's {@code javax.xml.crypto.dsig}.
 *
 * <p>Signing works on envelope <em>text</em>: the text is parsed, the signature computed in the DOM, and only the
 * {@code ds:Signature} element is spliced into the text before the closing tag of the signature block. Every other
 * byte (notably a passed-through ContentPackage) stays exactly as written.
 */
public final class EnvelopeSignatures {

    private static final XMLSignatureFactory FACTORY = XMLSignatureFactory.getInstance("DOM");

    private EnvelopeSignatures() {
    }

    /**
     * Signs the elements with the given Ids.
     *
     * @param envelope envelope text containing an empty {@code <osci:blockName ...></osci:blockName>}
     * @param blockName {@code ClientSignature} or {@code SupplierSignature}
     * @param ids the Ids to reference, in order
     * @param key the signing key
     * @param retrievalUri the {@code ds:RetrievalMethod} URI pointing at the signer's certificate element, or null
     * @return the signed envelope text
     */
    public static String sign(String envelope, String blockName, List<String> ids, PrivateKey key, String retrievalUri) {
        String close = "</osci:" + blockName + ">";
        int at = envelope.indexOf(close);
        if (at < 0) {
            throw new IllegalArgumentException("no " + blockName + " block in the envelope");
        }
        Document doc = Xml.parse(envelope.getBytes(StandardCharsets.UTF_8));
        Element block = Xml.descendant(doc, Xml.OSCI, blockName);
        try {
            DigestMethod dm = FACTORY.newDigestMethod(DigestMethod.SHA256, null);
            List<Transform> transforms = List.of(
                    FACTORY.newTransform(CanonicalizationMethod.INCLUSIVE, (TransformParameterSpec) null));
            List<Reference> refs = new ArrayList<>();
            for (String id : ids) {
                refs.add(FACTORY.newReference("#" + id, dm, transforms, null, null));
            }
            SignedInfo si = FACTORY.newSignedInfo(
                    FACTORY.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                    FACTORY.newSignatureMethod(SignatureMethod.RSA_SHA256, null), refs);
            KeyInfo ki = null;
            if (retrievalUri != null) {
                KeyInfoFactory kif = FACTORY.getKeyInfoFactory();
                ki = kif.newKeyInfo(List.of(kif.newRetrievalMethod(retrievalUri)));
            }
            DOMSignContext ctx = new DOMSignContext(key, block);
            ctx.setDefaultNamespacePrefix("ds");
            FACTORY.newXMLSignature(si, ki).sign(ctx);
        } catch (Exception e) {
            throw new OsciCryptoException("signing failed: " + e.getMessage(), e);
        }
        Element sig = Xml.child(block, Xml.DS, "Signature");
        String sigXml = Xml.toString(sig);
        return envelope.substring(0, at) + sigXml + envelope.substring(at);
    }

    /**
     * Verifies the signature in {@code blockName} with {@code key}.
     *
     * @param attachments MIME parts by Content-ID for {@code cid:} references
     * @return the referenced URIs (e.g. {@code #body}); the caller checks coverage
     * @throws OsciCryptoException if missing or invalid
     */
    public static Set<String> verify(Document doc, String blockName, PublicKey key, Map<String, byte[]> attachments) {
        Element block = Xml.descendant(doc, Xml.OSCI, blockName);
        if (block == null) {
            throw new OsciCryptoException(blockName + " missing: message is not signed");
        }
        Element sigEl = Xml.child(block, Xml.DS, "Signature");
        if (sigEl == null) {
            throw new OsciCryptoException(blockName + " without ds:Signature");
        }
        try {
            DOMValidateContext ctx = new DOMValidateContext(KeySelector.singletonKeySelector(key), sigEl);
            ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            URIDereferencer standard = FACTORY.getURIDereferencer();
            ctx.setURIDereferencer(new URIDereferencer() {
                @Override
                public Data dereference(URIReference ref, XMLCryptoContext c) throws URIReferenceException {
                    String uri = ref.getURI();
                    if (uri != null && uri.startsWith("cid:")) {
                        byte[] part = attachments.get(uri.substring(4));
                        if (part == null) {
                            throw new URIReferenceException("attachment " + uri + " missing");
                        }
                        return new OctetStreamData(new ByteArrayInputStream(part), uri, null);
                    }
                    return standard.dereference(ref, c);
                }
            });
            XMLSignature sig = FACTORY.unmarshalXMLSignature(ctx);
            if (!sig.validate(ctx)) {
                StringBuilder why = new StringBuilder();
                if (!sig.getSignatureValue().validate(ctx)) {
                    why.append(" signature value does not match;");
                }
                for (Object o : sig.getSignedInfo().getReferences()) {
                    Reference r = (Reference) o;
                    if (!r.validate(ctx)) {
                        why.append(" digest of ").append(r.getURI()).append(" does not match;");
                    }
                }
                throw new OsciCryptoException(blockName + " invalid:" + why);
            }
            Set<String> uris = new LinkedHashSet<>();
            for (Object o : sig.getSignedInfo().getReferences()) {
                uris.add(((Reference) o).getURI());
            }
            return uris;
        } catch (OsciCryptoException e) {
            throw e;
        } catch (Exception e) {
            throw new OsciCryptoException(blockName + " cannot be verified: " + e.getMessage(), e);
        }
    }
}
