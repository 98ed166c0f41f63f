package org.xtaserver.wsdl.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xtaserver.wsdl.v3.Xml.WSDL_NS;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.xml.namespace.QName;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Proves that our WSDL describes the same contract as the official XTA.wsdl: the same
 * services, ports, port types, operations, message parts (element QNames), wsam:Action values,
 * SOAP 1.2 binding details, header parts, faults and policies. Documentation and the order of
 * declarations are ignored, since they do not reach the wire.
 */
class WsdlEquivalenceTest {

    static final String SOAP12_NS = "http://schemas.xmlsoap.org/wsdl/soap12/";
    static final String WSAM_NS = "http://www.w3.org/2007/05/addressing/metadata";
    static final String WSP_NS = "http://www.w3.org/ns/ws-policy";
    static final String WSU_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String XTA_NS = "http://xoev.de/transport/xta/211";

    @Test
    void ourWsdlDescribesTheSameContractAsTheOfficialOne() {
        SortedMap<String, String> official = contract(XtaV3Files.officialWsdl());
        SortedMap<String, String> ours = contract(XtaV3Files.ownWsdl());

        assertThat(ours).containsExactlyEntriesOf(official);
    }

    @Test
    void contractCoversAllPortsOperationsAndTheLookupServiceFaultQuirk() {
        SortedMap<String, String> ours = contract(XtaV3Files.ownWsdl());

        assertThat(ours).containsEntry("service XTAService port ManagementPort",
                "binding={" + XTA_NS + "}managementHttpsBinding address=REPLACE_WITH_ACTUAL_URL");
        assertThat(ours).containsEntry("service XTAService port SendXtaPort",
                "binding={" + XTA_NS + "}sendXTAHttpsBinding address=REPLACE_WITH_ACTUAL_URL");
        assertThat(ours).containsEntry("service XTAService port MsgBoxPort",
                "binding={" + XTA_NS + "}msgBoxHttpsBinding address=REPLACE_WITH_ACTUAL_URL");
        assertThat(ours.keySet()).filteredOn(k -> k.startsWith("portType ") && k.endsWith(" input"))
                .hasSize(12);
        assertThat(ours).containsEntry("portType managementPortType op lookupService fault ParameterIsNotValid",
                "elements=[{" + XTA_NS + "}ParameterIsNotValidException] action=http://www.xta.de/XTA/IsServiceAvailable");
        assertThat(ours).containsEntry("binding sendXTAHttpsBinding op sendMessage input",
                "body=literal headers=[{http://www.osci.eu/ws/2008/05/transport}X509TokenContainer,"
                        + " {http://www.osci.eu/ws/2014/10/transport}MessageMetaData]");
        assertThat(ours.get("policy TransportBindingPolicy"))
                .contains("HttpsToken {{}RequireClientCertificate=true}");
        assertThat(ours.get("policy osciCommon"))
                .contains("{" + WSAM_NS + "}Addressing {{" + WSP_NS + "}Optional=false}")
                .contains("OptimizedMimeSerialization");
    }

    /** The WSDL reduced to wire-relevant facts, keyed so that a difference names its place. */
    static SortedMap<String, String> contract(URL wsdl) {
        Document doc = Xml.parse(wsdl);
        Element defs = doc.getDocumentElement();
        SortedMap<String, String> facts = new TreeMap<>();
        facts.put("targetNamespace", defs.getAttribute("targetNamespace"));

        // Messages: part name -> element.
        Map<QName, List<String[]>> messages = new TreeMap<>(WsdlEquivalenceTest::compare);
        String tns = defs.getAttribute("targetNamespace");
        for (Element message : Xml.children(defs, WSDL_NS, "message")) {
            List<String[]> parts = new ArrayList<>();
            for (Element part : Xml.children(message, WSDL_NS, "part")) {
                QName element = qname(part, part.getAttribute("element"));
                parts.add(new String[] {part.getAttribute("name"), element.toString()});
                facts.put("message " + message.getAttribute("name") + " part " + part.getAttribute("name"),
                        element.toString());
            }
            messages.put(new QName(tns, message.getAttribute("name")), parts);
            if (parts.isEmpty()) {
                facts.put("message " + message.getAttribute("name"), "no parts");
            }
        }

        for (Element portType : Xml.children(defs, WSDL_NS, "portType")) {
            String pt = "portType " + portType.getAttribute("name");
            for (Element op : Xml.children(portType, WSDL_NS, "operation")) {
                String key = pt + " op " + op.getAttribute("name");
                for (String io : List.of("input", "output")) {
                    Element e = Xml.firstChild(op, WSDL_NS, io);
                    QName msg = qname(e, e.getAttribute("message"));
                    facts.put(key + " " + io, "message=" + msg.getLocalPart()
                            + " elements=" + elements(messages.get(msg))
                            + " action=" + e.getAttributeNS(WSAM_NS, "Action"));
                }
                for (Element fault : Xml.children(op, WSDL_NS, "fault")) {
                    QName msg = qname(fault, fault.getAttribute("message"));
                    facts.put(key + " fault " + fault.getAttribute("name"),
                            "elements=" + elements(messages.get(msg))
                                    + " action=" + fault.getAttributeNS(WSAM_NS, "Action"));
                }
            }
        }

        for (Element binding : Xml.children(defs, WSDL_NS, "binding")) {
            String b = "binding " + binding.getAttribute("name");
            Element soapBinding = Xml.firstChild(binding, SOAP12_NS, "binding");
            String style = soapBinding.getAttribute("style");
            List<String> policies = new ArrayList<>();
            for (Element ref : Xml.children(binding, WSP_NS, "PolicyReference")) {
                policies.add(ref.getAttribute("URI"));
            }
            facts.put(b, "type=" + qname(binding, binding.getAttribute("type"))
                    + " style=" + style + " transport=" + soapBinding.getAttribute("transport")
                    + " policies=" + policies);
            for (Element op : Xml.children(binding, WSDL_NS, "operation")) {
                String key = b + " op " + op.getAttribute("name");
                Element soapOp = Xml.firstChild(op, SOAP12_NS, "operation");
                String opStyle = soapOp.hasAttribute("style") ? soapOp.getAttribute("style") : style;
                facts.put(key, "soapAction=" + soapOp.getAttribute("soapAction")
                        + " soapActionRequired=" + soapOp.getAttribute("soapActionRequired")
                        + " style=" + opStyle);
                for (String io : List.of("input", "output")) {
                    Element e = Xml.firstChild(op, WSDL_NS, io);
                    Element body = Xml.firstChild(e, SOAP12_NS, "body");
                    List<String> headers = new ArrayList<>();
                    for (Element header : Xml.children(e, SOAP12_NS, "header")) {
                        QName msg = qname(header, header.getAttribute("message"));
                        String part = header.getAttribute("part");
                        String element = messages.get(msg).stream().filter(p -> p[0].equals(part))
                                .findFirst().orElseThrow()[1];
                        headers.add(element);
                        facts.put(key + " " + io + " header " + element,
                                "message=" + msg.getLocalPart() + " part=" + part
                                        + " use=" + header.getAttribute("use"));
                    }
                    headers.sort(null);
                    facts.put(key + " " + io, "body=" + body.getAttribute("use")
                            + (body.hasAttribute("parts") ? " parts=" + body.getAttribute("parts") : "")
                            + " headers=" + headers);
                }
                for (Element fault : Xml.children(op, WSDL_NS, "fault")) {
                    Element soapFault = Xml.firstChild(fault, SOAP12_NS, "fault");
                    facts.put(key + " fault " + fault.getAttribute("name"),
                            "soapFault=" + soapFault.getAttribute("name") + " use=" + soapFault.getAttribute("use"));
                }
            }
        }

        for (Element service : Xml.children(defs, WSDL_NS, "service")) {
            for (Element port : Xml.children(service, WSDL_NS, "port")) {
                Element address = Xml.firstChild(port, SOAP12_NS, "address");
                facts.put("service " + service.getAttribute("name") + " port " + port.getAttribute("name"),
                        "binding=" + qname(port, port.getAttribute("binding"))
                                + " address=" + address.getAttribute("location"));
            }
        }

        for (Element policy : Xml.children(defs, WSP_NS, "Policy")) {
            facts.put("policy " + policy.getAttributeNS(WSU_NS, "Id"), Xml.canonical(policy));
        }
        return facts;
    }

    private static String elements(List<String[]> parts) {
        return parts.stream().map(p -> p[1]).toList().toString();
    }

    private static QName qname(Element context, String prefixed) {
        int colon = prefixed.indexOf(':');
        String prefix = colon < 0 ? null : prefixed.substring(0, colon);
        String ns = context.lookupNamespaceURI(prefix);
        return new QName(ns, prefixed.substring(colon + 1));
    }

    private static int compare(QName a, QName b) {
        return a.toString().compareTo(b.toString());
    }
}
