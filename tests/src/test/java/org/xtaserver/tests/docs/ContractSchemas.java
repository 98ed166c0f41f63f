package org.xtaserver.tests.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.validation.Schema;

import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xtaserver.tests.support.XmlSchemas;

/**
 * The XTA 2 V3 schemas, compiled into one, that validate the items of a SOAP message on their own:
 * each body child (for a fault: each child of {@code soap:Detail}) and each header block in one of
 * the validated namespaces. The project's {@code ws-addressing.xsd} covers only what the contract
 * reaches (not {@code wsa:Action}, {@code wsa:To}), so with the project's schemas the
 * WS-Addressing headers are left to the official set.
 */
final class ContractSchemas {

	private final String name;

	private final Schema schema;

	private final Set<String> headerNamespaces;

	private ContractSchemas(String name, Schema schema, Set<String> headerNamespaces) {
		this.name = name;
		this.schema = schema;
		this.headerNamespaces = headerNamespaces;
	}

	/** The project's own contract ({@code xta-api-wsdl/src/main/resources/wsdl/xta-v3}). */
	static ContractSchemas project(Path directory) {
		return compile("project schemas in " + directory, directory,
				List.of("xta-ws-2.1.1.xsd"), Map.of(SoapMessage.OSCI_META, "osci-message-metadata-2.02.xsd",
						SoapMessage.OSCI, "osci-transport-2.02.xsd", SoapMessage.WSA, "ws-addressing.xsd"),
				Set.of(SoapMessage.XTA, SoapMessage.OSCI_META, SoapMessage.OSCI));
	}

	/** The official KoSIT files ({@code <shared>/xta2-v3}). */
	static ContractSchemas official(Path directory) {
		return compile("official schemas in " + directory, directory,
				List.of("XTA-Webservice-Globale-Elemente.xsd", "XTA-Webservice-Exceptions.xsd"),
				Map.of(SoapMessage.OSCI_META, "OSCI_MessageMetaData_V2.02.xsd", SoapMessage.OSCI, "OSCI2_02.xsd",
						SoapMessage.WSA, "ws-addr.xsd"),
				Set.of(SoapMessage.XTA, SoapMessage.OSCI_META, SoapMessage.OSCI, SoapMessage.WSA));
	}

	/**
	 * One wrapper document that includes the XTA files and imports the others, as the WSDL's
	 * types section does: several top-level sources of one namespace are not reliably merged by
	 * the JDK's schema loader.
	 */
	private static ContractSchemas compile(String name, Path directory, List<String> includes,
			Map<String, String> imports, Set<String> headerNamespaces) {
		Path dir = directory.toAbsolutePath().normalize();
		StringBuilder wrapper = new StringBuilder("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"")
			.append(SoapMessage.XTA)
			.append("\" elementFormDefault=\"qualified\">\n");
		imports.forEach((namespace, file) -> wrapper.append("  <xs:import namespace=\"")
			.append(namespace)
			.append("\" schemaLocation=\"")
			.append(file)
			.append("\"/>\n"));
		includes.forEach((file) -> wrapper.append("  <xs:include schemaLocation=\"").append(file).append("\"/>\n"));
		wrapper.append("</xs:schema>\n");
		List<String> files = new ArrayList<>(includes);
		files.addAll(imports.values());
		for (String file : files) {
			if (!Files.isRegularFile(dir.resolve(file))) {
				throw new IllegalStateException("schema " + dir.resolve(file) + " is missing");
			}
		}
		try {
			Schema schema = XmlSchemas.compile(wrapper.toString(), dir.resolve("guide-examples-wrapper.xsd"));
			return new ContractSchemas(name, schema, headerNamespaces);
		}
		catch (SAXException ex) {
			throw new IllegalStateException("cannot compile the " + name, ex);
		}
	}

	/** Every problem of the message's items, each prefixed with the item; empty when valid. */
	List<String> problems(SoapMessage message) {
		List<String> problems = new ArrayList<>();
		for (Element block : message.headerBlocks()) {
			if (this.headerNamespaces.contains(block.getNamespaceURI())) {
				validate(block, "header", problems);
			}
		}
		if (message.isFault()) {
			message.faultDetail().ifPresent((detail) -> validate(detail, "fault detail", problems));
		}
		else {
			message.body()
				.ifPresent((body) -> SoapMessage.children(body).forEach((child) -> validate(child, "body", problems)));
		}
		return problems;
	}

	@Override
	public String toString() {
		return this.name;
	}

	private void validate(Element element, String where, List<String> problems) {
		String item = where + " " + SoapMessage.name(element);
		XmlSchemas.errors(this.schema, element).forEach((error) -> problems.add(item + ": " + error));
	}
}
