package org.xtaserver.tests.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One operation of the project's WSDL, with what a message of it must look like on the wire.
 * Element names are written {@code {namespace}local}.
 *
 * @param name the operation, e.g. {@code getMessage}
 * @param port the service port that offers it, e.g. {@code MsgBoxPort}
 * @param action the {@code wsam:Action} of input and output
 * @param inputBody the request body element, or null for an empty body
 * @param outputBody the response body element, or null for an empty body
 * @param requiredInputHeaders header elements every request carries (parts of the message
 * {@code XTAHeader} bound to the input)
 * @param inputHeaders every header element bound to the input (the optional {@code OptHeaders}
 * parts too)
 * @param outputHeaders every header element bound to the output
 * @param faults the fault elements the operation declares
 */
record WsdlOperation(String name, String port, String action, String inputBody, String outputBody,
		Set<String> requiredInputHeaders, Set<String> inputHeaders, Set<String> outputHeaders, Set<String> faults) {

	private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";

	private static final String SOAP12_BINDING = "http://schemas.xmlsoap.org/wsdl/soap12/";

	private static final String WSAM = "http://www.w3.org/2007/05/addressing/metadata";

	/** The header message whose parts the standard requires (the others are optional). */
	private static final String REQUIRED_HEADER_MESSAGE = "XTAHeader";

	/** Every operation of every port of the WSDL, by name, in document order of the bindings. */
	static Map<String, WsdlOperation> read(Path wsdl) {
		Document document;
		try {
			document = SoapMessage.documentBuilder().parse(wsdl.toFile());
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot read the WSDL " + wsdl.toAbsolutePath().normalize(), ex);
		}
		Element definitions = document.getDocumentElement();
		Map<String, Map<String, String>> messageParts = new HashMap<>();
		for (Element message : children(definitions, "message")) {
			Map<String, String> parts = new LinkedHashMap<>();
			for (Element part : children(message, "part")) {
				parts.put(part.getAttribute("name"), qname(part, part.getAttribute("element")));
			}
			messageParts.put(message.getAttribute("name"), parts);
		}
		Map<String, Element> portTypes = new HashMap<>();
		children(definitions, "portType").forEach((type) -> portTypes.put(type.getAttribute("name"), type));
		Map<String, Element> bindings = new HashMap<>();
		children(definitions, "binding").forEach((binding) -> bindings.put(binding.getAttribute("name"), binding));

		Map<String, WsdlOperation> operations = new LinkedHashMap<>();
		for (Element service : children(definitions, "service")) {
			for (Element port : children(service, "port")) {
				Element binding = bindings.get(local(port.getAttribute("binding")));
				Element portType = portTypes.get(local(binding.getAttribute("type")));
				for (Element bound : children(binding, "operation")) {
					String name = bound.getAttribute("name");
					Element abstractOperation = children(portType, "operation").stream()
						.filter((op) -> name.equals(op.getAttribute("name")))
						.findFirst()
						.orElseThrow(() -> new IllegalStateException("binding operation " + name + " has no port type operation"));
					Element input = children(abstractOperation, "input").get(0);
					Element output = children(abstractOperation, "output").get(0);
					Set<String> required = new LinkedHashSet<>();
					Set<String> inputHeaders = headers(children(bound, "input").get(0), messageParts, required);
					Set<String> outputHeaders = headers(children(bound, "output").get(0), messageParts, new LinkedHashSet<>());
					Set<String> faults = new LinkedHashSet<>();
					for (Element fault : children(abstractOperation, "fault")) {
						faults.addAll(messageParts.get(local(fault.getAttribute("message"))).values());
					}
					operations.put(name, new WsdlOperation(name, port.getAttribute("name"),
							input.getAttributeNS(WSAM, "Action"), bodyElement(input, messageParts),
							bodyElement(output, messageParts), Set.copyOf(required), inputHeaders, outputHeaders,
							faults));
				}
			}
		}
		return operations;
	}

	private static Set<String> headers(Element boundMessage, Map<String, Map<String, String>> messageParts,
			Set<String> required) {
		Set<String> headers = new LinkedHashSet<>();
		for (Element header : SoapMessage.children(boundMessage)) {
			if (!SOAP12_BINDING.equals(header.getNamespaceURI()) || !"header".equals(header.getLocalName())) {
				continue;
			}
			String message = local(header.getAttribute("message"));
			String element = messageParts.get(message).get(header.getAttribute("part"));
			headers.add(element);
			if (REQUIRED_HEADER_MESSAGE.equals(message)) {
				required.add(element);
			}
		}
		return headers;
	}

	private static String bodyElement(Element inputOrOutput, Map<String, Map<String, String>> messageParts) {
		Map<String, String> parts = messageParts.get(local(inputOrOutput.getAttribute("message")));
		return parts.isEmpty() ? null : parts.values().iterator().next();
	}

	private static List<Element> children(Element parent, String localName) {
		List<Element> found = new ArrayList<>();
		for (Element child : SoapMessage.children(parent)) {
			if (WSDL.equals(child.getNamespaceURI()) && localName.equals(child.getLocalName())) {
				found.add(child);
			}
		}
		return found;
	}

	private static String qname(Element context, String prefixed) {
		int colon = prefixed.indexOf(':');
		String prefix = (colon < 0) ? null : prefixed.substring(0, colon);
		return "{" + context.lookupNamespaceURI(prefix) + "}" + prefixed.substring(colon + 1);
	}

	private static String local(String prefixed) {
		return prefixed.substring(prefixed.indexOf(':') + 1);
	}
}
