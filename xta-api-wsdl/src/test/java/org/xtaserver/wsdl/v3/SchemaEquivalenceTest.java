package org.xtaserver.wsdl.v3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.namespace.QName;
import javax.xml.validation.Schema;

import jakarta.xml.bind.JAXBElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Proves wire equivalence of our XSDs with the official ones, in both directions:
 * every instance our generated classes produce validates against the official schemas (and
 * ours), and instances written against the official schemas validate against ours and
 * unmarshal into the generated classes without losing content.
 */
class SchemaEquivalenceTest {

    static Schema own;

    @BeforeAll
    static void compileOwnSchemas() throws SAXException {
        own = Xml.schemaOfWsdl(XtaV3Files.ownWsdl(), "file,jar");
    }

    static Stream<Named<Object>> samples() {
        return Samples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void generatedInstanceValidatesAgainstOfficialSchemas(Object sample) throws SAXException {
        Schema official = OfficialSchema.get();

        byte[] xml = Jaxb.marshal(sample);

        assertThat(Xml.validate(official, xml)).as(new String(xml, StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void generatedInstanceValidatesAgainstOwnSchemas(Object sample) {
        byte[] xml = Jaxb.marshal(sample);

        assertThat(Xml.validate(own, xml)).as(new String(xml, StandardCharsets.UTF_8)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void generatedInstanceSurvivesAnUnmarshalMarshalRoundTrip(Object sample) {
        byte[] xml = Jaxb.marshal(sample);

        byte[] again = Jaxb.marshal(Jaxb.unmarshal(xml));

        assertThat(Xml.canonical(Xml.parse(again).getDocumentElement()))
                .isEqualTo(Xml.canonical(Xml.parse(xml).getDocumentElement()));
    }

    @Test
    void samplesCoverEveryElementThatTheWsdlMessagesReference() {
        Set<QName> covered = new HashSet<>();
        Samples.all().forEach(s -> covered.add(Samples.rootName(s.getPayload())));

        Set<QName> referenced = new HashSet<>();
        WsdlEquivalenceTest.contract(XtaV3Files.ownWsdl()).forEach((key, value) -> {
            if (key.startsWith("message ") && key.contains(" part ")) {
                referenced.add(QName.valueOf(value));
            }
        });

        assertThat(covered).containsAll(referenced);
    }

    /** Hand-written instances, as other implementations may send them (files in src/test/resources). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "official-instances/encrypted-container.xml",
        "official-instances/status-list-with-metadata.xml",
        "official-instances/transport-report-signed.xml",
        "official-instances/lookup-response-minimal.xml"})
    void officialInstanceValidatesAgainstOwnSchemasAndUnmarshalsLosslessly(String resource) throws SAXException {
        byte[] xml = read(resource);
        assertThat(Xml.validate(own, xml)).as("own schemas").isEmpty();

        Object unmarshalled = Jaxb.unmarshal(xml);
        byte[] again = Jaxb.marshal(unmarshalled);

        assertThat(Xml.canonical(Xml.parse(again).getDocumentElement()))
                .isEqualTo(Xml.canonical(Xml.parse(xml).getDocumentElement()));
        assertThat(Xml.validate(own, again)).as("own schemas after round trip").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "official-instances/encrypted-container.xml",
        "official-instances/status-list-with-metadata.xml",
        "official-instances/transport-report-signed.xml",
        "official-instances/lookup-response-minimal.xml"})
    void handWrittenInstanceIsValidAgainstOfficialSchemas(String resource) throws SAXException {
        Schema official = OfficialSchema.get();

        byte[] xml = read(resource);

        assertThat(Xml.validate(official, xml)).isEmpty();
        assertThat(Xml.validate(official, Jaxb.marshal(Jaxb.unmarshal(xml)))).as("after round trip").isEmpty();
    }

    @Test
    void encryptedDataStaysAnUninterpretedDomElement() {
        GenericContentContainer container =
                (GenericContentContainer) Jaxb.unmarshal(read("official-instances/encrypted-container.xml"));

        Element encrypted = container.getEncryptedData();
        assertThat(encrypted.getNamespaceURI()).isEqualTo("http://www.w3.org/2001/04/xmlenc#");
        assertThat(encrypted.getLocalName()).isEqualTo("EncryptedData");
        assertThat(Xml.canonical(encrypted)).isEqualTo(Xml.canonical(Samples.encryptedData()));
        assertThat(container.getContentContainer()).isNull();
    }

    @Test
    void encryptedDataReadFromAStreamIsSelfContained() throws Exception {
        // As in a SOAP body read by CXF via StAX: prefixes declared on the envelope only.
        String soap = """
                <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"
                    xmlns:xta="http://xoev.de/transport/xta/211"
                    xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                  <env:Body>
                    <xta:GenericContentContainer>
                      <xenc:EncryptedData><ds:KeyInfo><ds:KeyName>k</ds:KeyName></ds:KeyInfo>
                        <xenc:CipherData><xenc:CipherValue>AQID</xenc:CipherValue></xenc:CipherData>
                      </xenc:EncryptedData>
                    </xta:GenericContentContainer>
                  </env:Body>
                </env:Envelope>""";
        javax.xml.stream.XMLStreamReader reader = javax.xml.stream.XMLInputFactory.newFactory()
                .createXMLStreamReader(new java.io.StringReader(soap));
        while (!(reader.isStartElement() && reader.getLocalName().equals("GenericContentContainer"))) {
            reader.next();
        }

        GenericContentContainer container = Jaxb.CONTEXT.createUnmarshaller()
                .unmarshal(reader, GenericContentContainer.class).getValue();

        // The element is detached from the envelope; serialised on its own it must still be
        // complete (namespace declarations placed where they are used, as exclusive C14N does).
        Element encrypted = container.getEncryptedData();
        java.io.StringWriter standalone = new java.io.StringWriter();
        javax.xml.transform.TransformerFactory.newInstance().newTransformer().transform(
                new javax.xml.transform.dom.DOMSource(encrypted), new javax.xml.transform.stream.StreamResult(standalone));
        Element original = (Element) Xml.parse(soap.getBytes(StandardCharsets.UTF_8))
                .getElementsByTagNameNS("http://www.w3.org/2001/04/xmlenc#", "EncryptedData").item(0);
        assertThat(Xml.canonical(Xml.parse(standalone.toString().getBytes(StandardCharsets.UTF_8)).getDocumentElement()))
                .isEqualTo(Xml.canonical(original));
    }

    @Test
    void nilLookupResultAndFaultCodesSurviveUnmarshalling() {
        @SuppressWarnings("unchecked")
        JAXBElement<PermissionDeniedExceptionType> fault = (JAXBElement<PermissionDeniedExceptionType>)
                Jaxb.unmarshal(Jaxb.marshal(new ObjectFactory().createPermissionDeniedException(
                        Samples.fault(new PermissionDeniedExceptionType(), "9012", "Account nicht vorhanden."))));
        assertThat(fault.getValue().getErrorCode().getCode()).isEqualTo("9012");
        assertThat(fault.getValue().getErrorCode().getListURI())
                .isEqualTo("urn:de:xta:webservice:codeliste:fehlernummer");

        LookupServiceResponse response = (LookupServiceResponse) Jaxb.unmarshal(read("official-instances/lookup-response-minimal.xml"));
        List<LookupServiceResultType> results = response.getLookupServiceResultList().getLookupServiceResult();
        assertThat(results).hasSize(2);
        assertThat(results.get(1)).isNull();
    }

    static byte[] read(String resource) {
        try (InputStream in = SchemaEquivalenceTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The official schema set, compiled once (as the official WSDL's types section imports it). */
    static final class OfficialSchema {
        private static Schema schema;

        static synchronized Schema get() throws SAXException {
            if (schema == null) {
                schema = Xml.schemaOfWsdl(XtaV3Files.officialWsdl(), "file");
            }
            return schema;
        }
    }
}
