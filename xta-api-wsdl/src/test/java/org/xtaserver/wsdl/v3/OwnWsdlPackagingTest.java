package org.xtaserver.wsdl.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import jakarta.activation.DataHandler;
import jakarta.xml.bind.annotation.XmlMimeType;
import jakarta.xml.ws.WebServiceClient;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.NodeList;

/**
 * Checks the form in which the WSDL ships: on the classpath where the server and the generated
 * service class look for it, self-contained (no remote schemaLocation), and with binary content
 * bound for MTOM.
 */
class OwnWsdlPackagingTest {

    @Test
    void wsdlIsOnTheClasspathWhereTheGeneratedServiceLooksForIt() {
        assertThat(XTAService.class.getAnnotation(WebServiceClient.class).wsdlLocation())
                .isEqualTo("classpath:" + XtaV3Files.OWN_WSDL_RESOURCE);
        assertThat(XTAService.WSDL_LOCATION).isEqualTo(XtaV3Files.ownWsdl());
    }

    @Test
    void everySchemaLocationIsRelativeAndResolvesInsideTheWsdlFolder() throws Exception {
        Path folder = ownFolder();
        List<Path> files = ownFiles(folder);
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("xta-v3.wsdl");

        for (Path file : files) {
            NodeList locations = (NodeList) XPathFactory.newInstance().newXPath().evaluate(
                    "//@schemaLocation | //*[local-name()='import']/@location",
                    Xml.parse(file.toUri().toURL()), XPathConstants.NODESET);
            for (int i = 0; i < locations.getLength(); i++) {
                String location = ((Attr) locations.item(i)).getValue();
                assertThat(location).as(file.getFileName() + " references " + location)
                        .doesNotContain(":").doesNotContain("/").doesNotContain("\\");
                assertThat(folder.resolve(location)).as(file.getFileName() + " references " + location)
                        .isRegularFile();
            }
        }
    }

    @Test
    void ownSchemasCompileWithoutNetworkAccess() {
        // Only file: and jar: may be read; a remote import would fail the compilation.
        assertThatCode(() -> Xml.schemaOfWsdl(XtaV3Files.ownWsdl(), "file,jar")).doesNotThrowAnyException();
    }

    @Test
    void noFileOfTheOfficialSetIsCopiedIntoTheProject() throws Exception {
        Path official = XtaV3Files.officialDir();
        Set<String> officialHashes = new HashSet<>();
        try (Stream<Path> list = Files.list(official)) {
            for (Path p : list.filter(Files::isRegularFile).toList()) {
                officialHashes.add(sha256(p));
            }
        }
        for (Path own : ownFiles(ownFolder())) {
            assertThat(officialHashes).as(own.getFileName().toString()).doesNotContain(sha256(own));
        }
    }

    @Test
    void binaryContentIsBoundToDataHandlerForMtomStreaming() throws Exception {
        assertThat(ContentType.class.getDeclaredField("value").getType()).isEqualTo(DataHandler.class);
        assertThat(ContentType.class.getDeclaredField("value").getAnnotation(XmlMimeType.class)).isNotNull();
        assertThat(LookupServiceResultType.ServiceParameter.class.getDeclaredField("resource").getType())
                .isEqualTo(DataHandler.class);
        assertThat(AdditionalReportListType.Report.class.getDeclaredField("data").getType())
                .isEqualTo(DataHandler.class);
    }

    @Test
    void contentGoesOutAsXopAttachmentsWhenMtomIsOn() throws XPathExpressionException {
        RecordingAttachments attachments = new RecordingAttachments();

        byte[] xml = Jaxb.marshal(Samples.all().get(0).getPayload(), attachments);

        // Message plus two attachments, none of them inlined as base64.
        assertThat(attachments.count).isEqualTo(3);
        NodeList includes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(
                "//*[local-name()='Include' and namespace-uri()='http://www.w3.org/2004/08/xop/include']",
                Xml.parse(xml), XPathConstants.NODESET);
        assertThat(includes.getLength()).isEqualTo(3);
    }

    @Test
    void cxfBuildsClientProxiesForAllPortsFromTheWsdl() {
        // Loads WSDL and schemas through CXF and matches every SEI method to its operation.
        XTAService service = new XTAService();
        assertThatCode(() -> {
            service.getManagementPort();
            service.getSendXtaPort();
            service.getMsgBoxPort();
        }).doesNotThrowAnyException();
    }

    static Path ownFolder() throws URISyntaxException {
        return Path.of(XtaV3Files.ownWsdl().toURI()).getParent();
    }

    static List<Path> ownFiles(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.toString().endsWith(".xsd") || p.toString().endsWith(".wsdl")).sorted().toList();
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** Takes every binary part as an MTOM attachment, as CXF does with MTOM enabled. */
    private static final class RecordingAttachments extends jakarta.xml.bind.attachment.AttachmentMarshaller {
        int count;

        @Override
        public boolean isXOPPackage() {
            return true;
        }

        @Override
        public String addMtomAttachment(DataHandler data, String elementNamespace, String elementLocalName) {
            return "cid:" + (++count) + "@xta-server";
        }

        @Override
        public String addMtomAttachment(byte[] data, int offset, int length, String mimeType,
                String elementNamespace, String elementLocalName) {
            return "cid:" + (++count) + "@xta-server";
        }

        @Override
        public String addSwaRefAttachment(DataHandler data) {
            return "cid:swaref";
        }
    }
}
