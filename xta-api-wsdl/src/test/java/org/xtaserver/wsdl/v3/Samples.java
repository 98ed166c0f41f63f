package org.xtaserver.wsdl.v3;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import javax.xml.namespace.QName;

import jakarta.activation.DataHandler;
import jakarta.xml.bind.JAXBElement;
import org.apache.cxf.ws.addressing.AttributedURIType;
import org.apache.cxf.ws.addressing.EndpointReferenceType;
import org.apache.cxf.ws.addressing.MetadataType;
import org.apache.cxf.ws.addressing.ReferenceParametersType;
import org.apache.cxf.ws.addressing.RelatesToType;
import org.junit.jupiter.api.Named;
import org.w3c.dom.Element;
import org.xtaserver.wsdl.v3.osci.MsgAttributeListType;
import org.xtaserver.wsdl.v3.osci.MsgBoxCloseRequestType;
import org.xtaserver.wsdl.v3.osci.MsgBoxFetchRequest;
import org.xtaserver.wsdl.v3.osci.MsgBoxGetNextRequestType;
import org.xtaserver.wsdl.v3.osci.MsgBoxResponseType;
import org.xtaserver.wsdl.v3.osci.MsgBoxStatusListRequestType;
import org.xtaserver.wsdl.v3.osci.MsgSelector;
import org.xtaserver.wsdl.v3.osci.MsgStatusListType;
import org.xtaserver.wsdl.v3.osci.TypeOfBusinessScenarioType;
import org.xtaserver.wsdl.v3.osci.X509TokenContainerType;
import org.xtaserver.wsdl.v3.osci.X509TokenInfo;
import org.xtaserver.wsdl.v3.oscimeta.DeliveryAttributesType;
import org.xtaserver.wsdl.v3.oscimeta.DestinationsType;
import org.xtaserver.wsdl.v3.oscimeta.KeyCodeType;
import org.xtaserver.wsdl.v3.oscimeta.MessageMetaData;
import org.xtaserver.wsdl.v3.oscimeta.MessageProperties;
import org.xtaserver.wsdl.v3.oscimeta.MsgIdentificationType;
import org.xtaserver.wsdl.v3.oscimeta.OriginatorsType;
import org.xtaserver.wsdl.v3.oscimeta.OtherDestinations;
import org.xtaserver.wsdl.v3.oscimeta.PartyIdentifierType;
import org.xtaserver.wsdl.v3.oscimeta.PartyType;
import org.xtaserver.wsdl.v3.oscimeta.ProcessIdentifierType;
import org.xtaserver.wsdl.v3.oscimeta.PropertyType;
import org.xtaserver.wsdl.v3.oscimeta.QualifierType;
import org.xtaserver.wsdl.v3.oscimeta.ReceiptRequestType;
import org.xtaserver.wsdl.v3.oscimeta.SecurityToken;
import org.xtaserver.wsdl.v3.wsse.AttributedString;
import org.xtaserver.wsdl.v3.wsse.BinarySecurityTokenType;
import org.xtaserver.wsdl.v3.wsse.SecurityTokenReferenceType;
import org.xtaserver.wsdl.v3.wsse.UsernameTokenType;
import org.xtaserver.wsdl.v3.xmldsig.CanonicalizationMethodType;
import org.xtaserver.wsdl.v3.xmldsig.DigestMethodType;
import org.xtaserver.wsdl.v3.xmldsig.KeyInfoType;
import org.xtaserver.wsdl.v3.xmldsig.ObjectType;
import org.xtaserver.wsdl.v3.xmldsig.ReferenceType;
import org.xtaserver.wsdl.v3.xmldsig.SignatureMethodType;
import org.xtaserver.wsdl.v3.xmldsig.SignatureType;
import org.xtaserver.wsdl.v3.xmldsig.SignatureValueType;
import org.xtaserver.wsdl.v3.xmldsig.SignedInfoType;
import org.xtaserver.wsdl.v3.xmldsig.TransformType;
import org.xtaserver.wsdl.v3.xmldsig.TransformsType;
import org.xtaserver.wsdl.v3.xmldsig.X509DataType;
import org.xtaserver.wsdl.v3.xmldsig.X509IssuerSerialType;

/**
 * Fully populated instances (every optional element and attribute set where the schema allows
 * it) of each global element the XTA V3 contract uses, built with the generated classes.
 */
final class Samples {

    static final String XTA = "http://xoev.de/transport/xta/211";
    static final String OSCI = "http://www.osci.eu/ws/2008/05/transport";
    static final String OSCIMETA = "http://www.osci.eu/ws/2014/10/transport";
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private static final ObjectFactory XTA_OF = new ObjectFactory();
    private static final org.xtaserver.wsdl.v3.osci.ObjectFactory OSCI_OF = new org.xtaserver.wsdl.v3.osci.ObjectFactory();
    private static final org.xtaserver.wsdl.v3.oscimeta.ObjectFactory META_OF = new org.xtaserver.wsdl.v3.oscimeta.ObjectFactory();
    private static final org.xtaserver.wsdl.v3.xmldsig.ObjectFactory DS_OF = new org.xtaserver.wsdl.v3.xmldsig.ObjectFactory();
    private static final org.apache.cxf.ws.addressing.ObjectFactory WSA_OF = new org.apache.cxf.ws.addressing.ObjectFactory();

    /** Ids must be unique per document (xs:ID), so every token gets its own. */
    private final AtomicInteger ids = new AtomicInteger();

    private Samples() {
    }

    /** Every sample root object (an @XmlRootElement instance or a JAXBElement), named. */
    static List<Named<Object>> all() {
        Samples s = new Samples();
        List<Named<Object>> all = new ArrayList<>();
        all.add(Named.of("xta:GenericContentContainer (ContentContainer)", s.contentContainer()));
        all.add(Named.of("xta:GenericContentContainer (xenc:EncryptedData)", s.encryptedContainer()));
        all.add(Named.of("oscimeta:MessageMetaData (all optional parts)", s.messageMetaData()));
        all.add(Named.of("oscimeta:MessageMetaData (BusinessScenario/Undefined)", s.messageMetaDataUndefinedScenario()));
        all.add(Named.of("oscimeta:Author", META_OF.createAuthor(s.party("author"))));
        all.add(Named.of("xta:TransportReport", s.transportReport()));
        all.add(Named.of("xta:LookupServiceRequest", s.lookupServiceRequest()));
        all.add(Named.of("xta:LookupServiceResponse", s.lookupServiceResponse()));
        all.add(Named.of("wsa:MessageID", WSA_OF.createMessageID(uri("urn:de:xta:messageid:4711"))));
        all.add(Named.of("osci:MsgBoxStatusListRequest", OSCI_OF.createMsgBoxStatusListRequest(s.statusListRequest())));
        all.add(Named.of("osci:MsgStatusList (MsgAttributes)", OSCI_OF.createMsgStatusList(s.statusListAttributes())));
        all.add(Named.of("osci:MsgStatusList (MessageMetaData)", OSCI_OF.createMsgStatusList(s.statusListMetaData())));
        all.add(Named.of("osci:MsgBoxResponse (ItemsPending)", OSCI_OF.createMsgBoxResponse(itemsPending())));
        all.add(Named.of("osci:MsgBoxResponse (NoMessageAvailable)", OSCI_OF.createMsgBoxResponse(noMessageAvailable())));
        all.add(Named.of("osci:MsgBoxFetchRequest", s.fetchRequest()));
        all.add(Named.of("osci:MsgBoxGetNextRequest", OSCI_OF.createMsgBoxGetNextRequest(getNextRequest())));
        all.add(Named.of("osci:MsgBoxCloseRequest", OSCI_OF.createMsgBoxCloseRequest(closeRequest())));
        all.add(Named.of("osci:X509TokenContainer", OSCI_OF.createX509TokenContainer(s.tokenContainer())));
        all.add(Named.of("xta:PermissionDeniedException", XTA_OF.createPermissionDeniedException(
                fault(new PermissionDeniedExceptionType(), "9012", "Account nicht vorhanden."))));
        all.add(Named.of("xta:XTAWSTechnicalProblemException", XTA_OF.createXTAWSTechnicalProblemException(
                fault(new XTAWSTechnicalProblemExceptionType(), "9030", "Interner Fehler beim XTA-Server bzw. XTA-Dienstleister"))));
        all.add(Named.of("xta:ParameterIsNotValidException", XTA_OF.createParameterIsNotValidException(
                fault(new ParameterIsNotValidExceptionType(), "9021", "Keine gültige URI"))));
        all.add(Named.of("xta:InvalidMessageIDException", XTA_OF.createInvalidMessageIDException(
                fault(new InvalidMessageIDExceptionType(), "9070", "MessageID für den Account nicht bekannt."))));
        all.add(Named.of("xta:MessageSchemaViolationException", XTA_OF.createMessageSchemaViolationException(
                fault(new MessageSchemaViolationExceptionType(), "9050", "Fachnachricht ist nicht schemakonform"))));
        all.add(Named.of("xta:MessageVirusDetectionException", XTA_OF.createMessageVirusDetectionException(
                fault(new MessageVirusDetectionExceptionType(), "9060", "Es wurde schadhafter Code ermittelt."))));
        all.add(Named.of("xta:SyncAsyncException", XTA_OF.createSyncAsyncException(
                fault(new SyncAsyncExceptionType(), "9080", "Der Dienst wird nur asynchron angeboten."))));
        all.add(Named.of("xta:CancelDeniedException", XTA_OF.createCancelDeniedException(
                fault(new CancelDeniedExceptionType(), "9101", "Der Schalter NotBefore wurde nicht gesetzt."))));
        return all;
    }

    // ----- xta -----

    GenericContentContainer contentContainer() {
        GenericContentContainer.ContentContainer cc = new GenericContentContainer.ContentContainer();
        cc.setMessage(content("<xbau:nachricht xmlns:xbau=\"urn:example\"/>", "text/xml", "nachricht.xml", "1"));
        cc.getAttachment().add(content("%PDF-1.7 ...", "application/pdf", "anlage1.pdf", "2"));
        cc.getAttachment().add(content("second attachment", "text/plain", "anlage2.txt", "3"));
        GenericContentContainer container = new GenericContentContainer();
        container.setContentContainer(cc);
        return container;
    }

    static ContentType content(String text, String mimeType, String filename, String id) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ContentType content = new ContentType();
        content.setValue(binary(bytes));
        content.setContentType(mimeType);
        content.setContentDescription("description of " + filename);
        content.setEncoding("UTF-8");
        content.setFilename(filename);
        content.setId(id);
        content.setLang("de");
        content.setSize(BigInteger.valueOf(bytes.length));
        return content;
    }

    GenericContentContainer encryptedContainer() {
        GenericContentContainer container = new GenericContentContainer();
        container.setEncryptedData(encryptedData());
        return container;
    }

    /** An end-to-end encrypted container as a sender would produce it (AES-256-CBC, RSA-OAEP key). */
    static Element encryptedData() {
        return Xml.parseElement("""
                <xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"
                    xmlns:ds="http://www.w3.org/2000/09/xmldsig#"
                    Id="ED-1" Type="http://www.w3.org/2001/04/xmlenc#Content" MimeType="text/xml">
                  <xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes256-cbc">
                    <xenc:KeySize>256</xenc:KeySize>
                  </xenc:EncryptionMethod>
                  <ds:KeyInfo>
                    <xenc:EncryptedKey Recipient="reader">
                      <xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p">
                        <ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/>
                      </xenc:EncryptionMethod>
                      <ds:KeyInfo>
                        <ds:X509Data>
                          <ds:X509IssuerSerial>
                            <ds:X509IssuerName>CN=Test CA,O=Example,C=DE</ds:X509IssuerName>
                            <ds:X509SerialNumber>4711</ds:X509SerialNumber>
                          </ds:X509IssuerSerial>
                        </ds:X509Data>
                      </ds:KeyInfo>
                      <xenc:CipherData>
                        <xenc:CipherValue>a2V5LWJ5dGVz</xenc:CipherValue>
                      </xenc:CipherData>
                      <xenc:ReferenceList>
                        <xenc:DataReference URI="#ED-1"/>
                      </xenc:ReferenceList>
                    </xenc:EncryptedKey>
                  </ds:KeyInfo>
                  <xenc:CipherData>
                    <xenc:CipherValue>Y2lwaGVydGV4dC1ieXRlcw==</xenc:CipherValue>
                  </xenc:CipherData>
                  <xenc:EncryptionProperties>
                    <xenc:EncryptionProperty Target="#ED-1"><x:created xmlns:x="urn:example">2026-01-01</x:created></xenc:EncryptionProperty>
                  </xenc:EncryptionProperties>
                </xenc:EncryptedData>""");
    }

    TransportReport transportReport() {
        TransportReport report = new TransportReport();
        report.setMessageMetaData(messageMetaData());
        report.setReportTime(time("2026-01-02T10:00:00Z"));
        report.setXTAServerIdentity("https://xta.example.org/services/XTAService");
        MessageStatusType status = new MessageStatusType();
        status.setStatus(BigInteger.TWO);
        MessageStatusType.ErrorList errors = new MessageStatusType.ErrorList();
        errors.getError().add(record("E1", "delivery failed once"));
        status.setErrorList(errors);
        MessageStatusType.WarnList warnings = new MessageStatusType.WarnList();
        warnings.getWarning().add(record("W1", "retried"));
        status.setWarnList(warnings);
        MessageStatusType.InfoList infos = new MessageStatusType.InfoList();
        infos.getInfo().add(record("I1", "accepted"));
        infos.getInfo().add(record("I2", "delivered"));
        status.setInfoList(infos);
        report.setMessageStatus(status);
        AdditionalReportListType additional = new AdditionalReportListType();
        AdditionalReportListType.Report extra = new AdditionalReportListType.Report();
        CodeReportType key = new CodeReportType();
        key.setCode("OSCI-ProcessCard");
        key.setListURI("urn:de:xta:codeliste:report.type");
        key.setListVersionID("1.0");
        extra.setKey(key);
        extra.setData(binary(new byte[] {1, 2, 3}));
        additional.getReport().add(extra);
        report.setAdditionalReports(additional);
        report.setSignature(signature());
        return report;
    }

    static RecordType record(String code, String reason) {
        RecordType record = new RecordType();
        record.setTimestamp(time("2026-01-02T09:00:00Z"));
        CodeRecordType c = new CodeRecordType();
        c.setCode(code);
        c.setListURI("urn:de:xta:codeliste:record.type");
        c.setListVersionID("1.0");
        record.setCode(c);
        record.setReason(reason);
        return record;
    }

    LookupServiceRequest lookupServiceRequest() {
        LookupServiceRequest request = new LookupServiceRequest();
        for (String reader : List.of("reader-1", "reader-2")) {
            LookupServiceRequest.LookupServiceRequestList entry = new LookupServiceRequest.LookupServiceRequestList();
            entry.setLookupService(lookupService(new LookupServiceType(), reader));
            request.getLookupServiceRequestList().add(entry);
        }
        return request;
    }

    LookupServiceResponse lookupServiceResponse() {
        LookupServiceResultType available = lookupService(new LookupServiceResultType(), "reader-1");
        IsServiceAvailableValueType yes = new IsServiceAvailableValueType();
        yes.setServiceIsAvailable(true);
        available.setIsServiceAvailableValue(yes);
        LookupServiceResultType.ServiceParameter parameter = new LookupServiceResultType.ServiceParameter();
        CodeServiceParameterType type = new CodeServiceParameterType();
        type.setCode("CERTIFICATE");
        type.setListURI("urn:de:xta:codeliste:service.parameter.type");
        type.setListVersionID("1.0");
        parameter.setParameterType(type);
        parameter.setResource(binary(new byte[] {48, -126, 1}));
        available.getServiceParameter().add(parameter);

        LookupServiceResultType unknown = lookupService(new LookupServiceResultType(), "reader-2");
        IsServiceAvailableValueType dontKnow = new IsServiceAvailableValueType();
        dontKnow.setServiceIsAvailableUnknown(true);
        unknown.setIsServiceAvailableValue(dontKnow);

        LookupServiceResponse.LookupServiceResultList list = new LookupServiceResponse.LookupServiceResultList();
        list.getLookupServiceResult().add(available);
        list.getLookupServiceResult().add(unknown);
        list.getLookupServiceResult().add(null); // nillable: xsi:nil="true"
        LookupServiceResponse response = new LookupServiceResponse();
        response.setLookupServiceResultList(list);
        return response;
    }

    <T extends LookupServiceType> T lookupService(T query, String reader) {
        query.setReader(party(reader));
        query.setServiceType("http://www.osci.de/xmeld181/xmeld181Rueckmeldung.wsdl");
        return query;
    }

    static <T extends ExceptionType> T fault(T fault, String code, String name) {
        CodeFehlernummer errorCode = new CodeFehlernummer();
        errorCode.setCode(code);
        errorCode.setName(name);
        errorCode.setListURI("urn:de:xta:webservice:codeliste:fehlernummer");
        errorCode.setListVersionID("1.0");
        fault.setErrorCode(errorCode);
        return fault;
    }

    // ----- oscimeta -----

    MessageMetaData messageMetaData() {
        MessageMetaData mmd = new MessageMetaData();
        mmd.setTestMsg(true);

        DeliveryAttributesType delivery = new DeliveryAttributesType();
        delivery.setOrigin(time("2026-01-01T08:00:00Z"));
        delivery.setInitialSend(time("2026-01-01T08:01:00Z"));
        delivery.setNotBefore(time("2026-01-01T08:02:00Z"));
        delivery.setObsoleteAfter(date("2026-12-31"));
        delivery.setDelivery(time("2026-01-01T08:03:00Z"));
        delivery.setInitialFetch(time("2026-01-01T08:04:00Z"));
        delivery.setReception(time("2026-01-01T08:05:00Z"));
        delivery.setServiceQuality("urn:example:service-profile");
        ReceiptRequestType receipts = new ReceiptRequestType();
        receipts.setSubmission(marker("Submission"));
        receipts.setRelay(marker("Relay"));
        receipts.setDelivery(marker("Delivery"));
        receipts.setFetch(marker("Fetch"));
        receipts.setReception(marker("Reception"));
        receipts.setReceiptTo(endpoint("https://author.example.org/receipts"));
        delivery.setReceiptRequests(receipts);
        mmd.setDeliveryAttributes(delivery);

        OriginatorsType originators = new OriginatorsType();
        originators.setAuthor(party("author"));
        originators.setSender(party("sender"));
        originators.setReplyTo(party("reply-to"));
        mmd.setOriginators(originators);

        DestinationsType destinations = new DestinationsType();
        destinations.setReader(party("reader"));
        OtherDestinations others = new OtherDestinations();
        others.getOtherReaders().add(identifier("other-1"));
        others.getOtherReaders().add(identifier("other-2"));
        others.getCcReaders().add(identifier("cc-1"));
        destinations.setOtherDestinations(others);
        mmd.setDestinations(destinations);

        MsgIdentificationType identification = new MsgIdentificationType();
        identification.setMessageID(uri("urn:de:xta:messageid:4711"));
        identification.getInReplyTo().add(uri("urn:de:xta:messageid:4700"));
        identification.getInReplyTo().add(uri("urn:de:xta:messageid:4701"));
        MsgIdentificationType.ProcessRef processRef = new MsgIdentificationType.ProcessRef();
        processRef.setRequester(process("AZ-1", "Bauantrag"));
        processRef.setResponder(process("AZ-2", "Genehmigung"));
        identification.setProcessRef(processRef);
        mmd.setMsgIdentification(identification);

        QualifierType qualifier = new QualifierType();
        qualifier.setSubject("Bauantrag 4711");
        qualifier.setService("urn:xoev-de:bmk:standard:xbau_2.3");
        QualifierType.BusinessScenario scenario = new QualifierType.BusinessScenario();
        scenario.setDefined(keyCode(new KeyCodeType(), "XBAU_DATA", "urn:de:dataport:codeliste:business.scenario", "1"));
        qualifier.setBusinessScenario(scenario);
        QualifierType.MessageType messageType = keyCode(new QualifierType.MessageType(),
                "baugenehmigung.antrag.0200", "urn:de:payloadSchema:elementName", "1.0");
        messageType.setName("Bauantrag");
        messageType.setPayloadSchema("http://www.xleitstelle.de/xbau/2/3");
        qualifier.setMessageType(messageType);
        mmd.setQualifier(qualifier);

        MessageProperties properties = new MessageProperties();
        PropertyType property = new PropertyType();
        KeyCodeType key = keyCode(new KeyCodeType(), "aktenzeichen", "urn:example:properties", "1");
        key.setName("Aktenzeichen");
        property.setKey(key);
        property.setValue("63-1234/2026");
        properties.getProperty().add(property);
        mmd.setMessageProperties(properties);

        mmd.setMsgSize(BigInteger.valueOf(123456));
        return mmd;
    }

    MessageMetaData messageMetaDataUndefinedScenario() {
        MessageMetaData mmd = messageMetaData();
        QualifierType.BusinessScenario scenario = new QualifierType.BusinessScenario();
        scenario.setUndefined("some scenario");
        mmd.getQualifier().setBusinessScenario(scenario);
        return mmd;
    }

    PartyType party(String value) {
        PartyType party = new PartyType();
        PartyIdentifierType id = identifier(value);
        id.setName("Name of " + value);
        id.setCategory("Bauaufsichtsbehörde");
        party.setIdentifier(id);

        SecurityToken binary = new SecurityToken();
        binary.setUsage("ENCRYPTION");
        BinarySecurityTokenType bst = new BinarySecurityTokenType();
        bst.setValue("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A");
        bst.setEncodingType(WSSE.replace("secext-1.0.xsd", "soap-message-security-1.0#Base64Binary"));
        bst.setValueType("http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-x509-token-profile-1.0#X509v3");
        bst.setId(nextId());
        binary.setBinarySecurityToken(bst);
        party.getSecurityToken().add(binary);

        SecurityToken reference = new SecurityToken();
        reference.setUsage("SIGNATURE");
        SecurityTokenReferenceType str = new SecurityTokenReferenceType();
        str.setId(nextId());
        str.getUsage().add("urn:example:usage");
        str.getAny().add(Xml.parseElement("<wsse:Reference xmlns:wsse=\"" + WSSE + "\" URI=\"#token\"/>"));
        reference.setSecurityTokenReference(str);
        party.getSecurityToken().add(reference);

        SecurityToken username = new SecurityToken();
        username.setUsage("AUTHENTICATION");
        UsernameTokenType ut = new UsernameTokenType();
        AttributedString name = new AttributedString();
        name.setValue("user");
        ut.setUsername(name);
        ut.setId(nextId());
        username.setUsernameToken(ut);
        party.getSecurityToken().add(username);
        return party;
    }

    static PartyIdentifierType identifier(String value) {
        PartyIdentifierType id = new PartyIdentifierType();
        id.setValue(value);
        id.setType("xoev");
        return id;
    }

    static ProcessIdentifierType process(String value, String name) {
        ProcessIdentifierType process = new ProcessIdentifierType();
        process.setValue(value);
        process.setProccesName(name);
        return process;
    }

    static <T extends KeyCodeType> T keyCode(T code, String value, String listUri, String version) {
        code.setCode(value);
        code.setListURI(listUri);
        code.setListVersionID(version);
        return code;
    }

    /** Content of an xs:anyType marker element such as ReceiptRequests/Submission. */
    static Element marker(String localName) {
        return Xml.parseElement("<m:" + localName + " xmlns:m=\"" + OSCIMETA + "\"/>");
    }

    // ----- osci -----

    MsgBoxStatusListRequestType statusListRequest() {
        MsgBoxStatusListRequestType request = new MsgBoxStatusListRequestType();
        request.setMsgSelector(selector());
        request.setMaxListItems(BigInteger.TEN);
        request.setListForm("MessageMetaData");
        return request;
    }

    MsgBoxFetchRequest fetchRequest() {
        MsgBoxFetchRequest request = new MsgBoxFetchRequest();
        request.setMsgSelector(selector());
        request.setMsgPart("Body");
        return request;
    }

    static MsgSelector selector() {
        MsgSelector selector = new MsgSelector();
        selector.getMessageID().add(uri("urn:de:xta:messageid:1"));
        selector.getMessageID().add(uri("urn:de:xta:messageid:2"));
        selector.getRelatesTo().add(relatesTo("urn:de:xta:messageid:0"));
        selector.setMsgBoxEntryTimeFrom(time("2026-01-01T00:00:00Z"));
        selector.setMsgBoxEntryTimeTo(time("2026-01-31T23:59:59Z"));
        selector.setExtension(Xml.parseElement(
                "<o:Extension xmlns:o=\"" + OSCI + "\"><x:any xmlns:x=\"urn:example\">1</x:any></o:Extension>"));
        selector.setNewEntry(true);
        return selector;
    }

    MsgStatusListType statusListAttributes() {
        MsgStatusListType list = new MsgStatusListType();
        MsgAttributeListType attributes = new MsgAttributeListType();
        attributes.setMessageID(uri("urn:de:xta:messageid:1"));
        attributes.getRelatesTo().add(relatesTo("urn:de:xta:messageid:0"));
        attributes.setFrom(endpoint("https://sender.example.org/xta"));
        TypeOfBusinessScenarioType scenario = new TypeOfBusinessScenarioType();
        scenario.setValue("urn:de:dataport:codeliste:business.scenario:XBAU_DATA");
        scenario.setIsReferenceParameter(true);
        attributes.setTypeOfBusinessScenario(scenario);
        attributes.setMsgSize(2048);
        attributes.setObsoleteAfterDate(date("2026-12-31"));
        attributes.setDeliveryTime(time("2026-01-01T08:03:00Z"));
        attributes.setInitialFetchedTime(time("2026-01-01T08:04:00Z"));
        list.getMsgAttributes().add(attributes);
        return list;
    }

    MsgStatusListType statusListMetaData() {
        MsgStatusListType list = new MsgStatusListType();
        list.getMessageMetaData().add(messageMetaData());
        list.getMessageMetaData().add(messageMetaDataUndefinedScenario());
        return list;
    }

    static MsgBoxResponseType itemsPending() {
        MsgBoxResponseType response = new MsgBoxResponseType();
        response.setMsgBoxRequestID("urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        response.setItemsPending(BigInteger.valueOf(3));
        return response;
    }

    static MsgBoxResponseType noMessageAvailable() {
        MsgBoxResponseType response = new MsgBoxResponseType();
        response.setMsgBoxRequestID("urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        MsgBoxResponseType.NoMessageAvailable none = new MsgBoxResponseType.NoMessageAvailable();
        none.setReason("http://www.osci.eu/ws/2008/05/transport/MsgBox/reasons/NoMatch");
        response.setNoMessageAvailable(none);
        return response;
    }

    static MsgBoxGetNextRequestType getNextRequest() {
        MsgBoxGetNextRequestType request = new MsgBoxGetNextRequestType();
        request.setMsgBoxRequestID("urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        request.getLastMsgReceived().add(uri("urn:de:xta:messageid:1"));
        request.getLastMsgReceived().add(uri("urn:de:xta:messageid:2"));
        return request;
    }

    static MsgBoxCloseRequestType closeRequest() {
        MsgBoxCloseRequestType request = new MsgBoxCloseRequestType();
        request.setMsgBoxRequestID("urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        request.getLastMsgReceived().add(uri("urn:de:xta:messageid:1"));
        return request;
    }

    X509TokenContainerType tokenContainer() {
        X509TokenContainerType container = new X509TokenContainerType();
        container.setValidateCompleted(true);
        X509TokenInfo info = new X509TokenInfo();
        info.setId(nextId());
        info.setValidated(true);
        info.setX509Data(x509Data());
        X509TokenInfo.TokenApplication application = new X509TokenInfo.TokenApplication();
        application.setTimeInstant(time("2026-01-01T08:00:00Z"));
        application.setMsgItemRef(info); // xs:IDREF: must point at an xs:ID in the same document
        application.setValidateResultRef(info);
        application.setOcspNoCache(true);
        info.getTokenApplication().add(application);
        container.getX509TokenInfo().add(info);
        return container;
    }

    // ----- xmldsig -----

    static X509DataType x509Data() {
        X509DataType data = new X509DataType();
        X509IssuerSerialType issuerSerial = new X509IssuerSerialType();
        issuerSerial.setX509IssuerName("CN=Test CA,O=Example,C=DE");
        issuerSerial.setX509SerialNumber(BigInteger.valueOf(4711));
        List<Object> content = data.getX509IssuerSerialOrX509SKIOrX509SubjectName();
        content.add(DS_OF.createX509DataTypeX509IssuerSerial(issuerSerial));
        content.add(DS_OF.createX509DataTypeX509SKI(new byte[] {1, 2}));
        content.add(DS_OF.createX509DataTypeX509SubjectName("CN=Reader,O=Example,C=DE"));
        content.add(DS_OF.createX509DataTypeX509Certificate(new byte[] {48, -126, 3}));
        content.add(DS_OF.createX509DataTypeX509CRL(new byte[] {48, -126, 4}));
        return data;
    }

    static SignatureType signature() {
        SignatureType signature = new SignatureType();
        signature.setId("SIG-1");
        SignedInfoType signedInfo = new SignedInfoType();
        CanonicalizationMethodType c14n = new CanonicalizationMethodType();
        c14n.setAlgorithm("http://www.w3.org/2001/10/xml-exc-c14n#");
        signedInfo.setCanonicalizationMethod(c14n);
        SignatureMethodType method = new SignatureMethodType();
        method.setAlgorithm("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        signedInfo.setSignatureMethod(method);
        ReferenceType reference = new ReferenceType();
        reference.setURI("");
        TransformsType transforms = new TransformsType();
        TransformType enveloped = new TransformType();
        enveloped.setAlgorithm("http://www.w3.org/2000/09/xmldsig#enveloped-signature");
        transforms.getTransform().add(enveloped);
        reference.setTransforms(transforms);
        DigestMethodType digest = new DigestMethodType();
        digest.setAlgorithm("http://www.w3.org/2001/04/xmlenc#sha256");
        reference.setDigestMethod(digest);
        reference.setDigestValue(new byte[] {9, 8, 7});
        signedInfo.getReference().add(reference);
        signature.setSignedInfo(signedInfo);
        SignatureValueType value = new SignatureValueType();
        value.setValue(new byte[] {1, 2, 3, 4});
        signature.setSignatureValue(value);
        KeyInfoType keyInfo = new KeyInfoType();
        keyInfo.getContent().add(DS_OF.createKeyName("report-signing-key"));
        keyInfo.getContent().add(DS_OF.createX509Data(x509Data()));
        signature.setKeyInfo(keyInfo);
        ObjectType object = new ObjectType();
        object.setId("OBJ-1");
        object.setMimeType("text/plain");
        object.getContent().add("signed properties");
        signature.getObject().add(object);
        return signature;
    }

    // ----- wsa and helpers -----

    static AttributedURIType uri(String value) {
        AttributedURIType uri = new AttributedURIType();
        uri.setValue(value);
        return uri;
    }

    static RelatesToType relatesTo(String value) {
        RelatesToType relatesTo = new RelatesToType();
        relatesTo.setValue(value);
        relatesTo.setRelationshipType("http://www.w3.org/2005/08/addressing/reply");
        return relatesTo;
    }

    static EndpointReferenceType endpoint(String address) {
        EndpointReferenceType epr = new EndpointReferenceType();
        epr.setAddress(uri(address));
        ReferenceParametersType parameters = new ReferenceParametersType();
        parameters.getAny().add(Xml.parseElement("<x:tenant xmlns:x=\"urn:example\">t1</x:tenant>"));
        epr.setReferenceParameters(parameters);
        MetadataType metadata = new MetadataType();
        metadata.getAny().add(Xml.parseElement("<x:meta xmlns:x=\"urn:example\"/>"));
        epr.setMetadata(metadata);
        epr.getAny().add(Xml.parseElement("<x:extension xmlns:x=\"urn:example\"/>"));
        epr.getOtherAttributes().put(new QName("urn:example", "note", "x"), "value");
        return epr;
    }

    static DataHandler binary(byte[] bytes) {
        return new DataHandler(new jakarta.activation.DataSource() {
            @Override
            public java.io.InputStream getInputStream() {
                return new java.io.ByteArrayInputStream(bytes);
            }

            @Override
            public java.io.OutputStream getOutputStream() {
                throw new UnsupportedOperationException("read-only");
            }

            @Override
            public String getContentType() {
                return "application/octet-stream";
            }

            @Override
            public String getName() {
                return "sample";
            }
        });
    }

    static XMLGregorianCalendar time(String lexical) {
        return datatypes().newXMLGregorianCalendar(lexical);
    }

    static XMLGregorianCalendar date(String lexical) {
        return datatypes().newXMLGregorianCalendar(lexical);
    }

    private static DatatypeFactory datatypes() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private String nextId() {
        return "ID-" + ids.incrementAndGet();
    }

    /** The qualified name the given sample marshals as. */
    static QName rootName(Object sample) {
        if (sample instanceof JAXBElement<?> element) {
            return element.getName();
        }
        jakarta.xml.bind.annotation.XmlRootElement root =
                sample.getClass().getAnnotation(jakarta.xml.bind.annotation.XmlRootElement.class);
        String ns = sample.getClass().getPackage()
                .getAnnotation(jakarta.xml.bind.annotation.XmlSchema.class).namespace();
        return new QName(ns, root.name());
    }
}
