package org.xtaserver.osci.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;
import org.xtaserver.osci.message.InboundEnvelope;
import org.xtaserver.osci.message.MessageType;

/** Validates inner envelopes against {@code soap<Msg>.xsd}, resolving the catalog's URIs to local files. */
final class SchemaValidator {

    private final Path dir;
    private final Map<String, Path> catalog = new HashMap<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    SchemaValidator(Path schemaDir) {
        this.dir = schemaDir;
        try {
            String cat = Files.readString(schemaDir.resolve("xmllint-catalog.xml"));
            Matcher m = Pattern.compile("(?:systemId|name)=\"([^\"]+)\"\\s+uri=\"([^\"]+)\"").matcher(cat);
            while (m.find()) {
                catalog.put(m.group(1), schemaDir.resolve(m.group(2)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void validate(byte[] envelope) {
        MessageType type = InboundEnvelope.parse(envelope).type();
        validate(envelope, type == null ? "soapMessageFault.xsd" : type.schema());
    }

    void validate(byte[] xml, String schemaFile) {
        try {
            Validator v = schema(schemaFile).newValidator();
            v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            throw new AssertionError(schemaFile + ": " + e.getMessage() + "\n" + new String(xml), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Schema schema(String file) {
        return schemas.computeIfAbsent(file, f -> {
            try {
                SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "file");
                // the OSCI schemas violate Unique Particle Attribution (xmllint does not check it): skip full checking
                sf.setFeature("http://apache.org/xml/features/validation/schema-full-checking", false);
                sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
                DOMImplementationLS ls = (DOMImplementationLS) DOMImplementationRegistry.newInstance()
                        .getDOMImplementation("LS");
                sf.setResourceResolver((type, ns, publicId, systemId, baseUri) -> {
                    Path local = systemId == null ? null : catalog.get(systemId);
                    if (local == null && systemId == null && ns != null) {
                        local = catalog.get(ns);
                    }
                    if (local == null && systemId != null && systemId.startsWith("http")) {
                        // DTDs referenced by the W3C schemas (XMLSchema.dtd, datatypes.dtd) are kept in extern/
                        Path candidate = dir.resolve("extern").resolve(systemId.substring(systemId.lastIndexOf('/') + 1));
                        local = Files.isRegularFile(candidate) ? candidate : null;
                    }
                    if (local == null) {
                        return null;
                    }
                    try {
                        LSInput in = ls.createLSInput();
                        in.setByteStream(new ByteArrayInputStream(Files.readAllBytes(local)));
                        in.setSystemId(local.toUri().toString());
                        return in;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                return sf.newSchema(dir.resolve(f).toFile());
            } catch (Exception e) {
                throw new IllegalStateException("cannot load " + f + ": " + e.getMessage(), e);
            }
        });
    }
}
