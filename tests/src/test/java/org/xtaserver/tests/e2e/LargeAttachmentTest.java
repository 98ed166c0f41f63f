package org.xtaserver.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import jakarta.xml.ws.Holder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
import org.xtaserver.tests.support.TestContent;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.tests.support.XtaServerExtension;
import org.xtaserver.wsdl.v3.ContentType;
import org.xtaserver.wsdl.v3.GenericContentContainer;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.MsgBoxPortType;
import org.xtaserver.wsdl.v3.SendPortType;
import org.xtaserver.wsdl.v3.osci.MsgBoxResponseType;
import org.xtaserver.wsdl.v3.oscimeta.MessageMetaData;

/**
 * Content streams through the server: a 200 MB attachment passes sendMessage and getMessage of a
 * server whose heap (256 MB) could not hold it next to its own needs. The client streams as well
 * (from a file, chunked; the answer is digested from the attachment stream).
 */
class LargeAttachmentTest {

	static final long SIZE = 200L * 1024 * 1024;

	@RegisterExtension
	static final XtaServerExtension SERVER = XtaServerExtension.dedicated("large-attachment")
		.jvmArgs("-Xmx256m", "-XX:+ExitOnOutOfMemoryError");

	@Test
	@Timeout(value = 20, unit = TimeUnit.MINUTES)
	void aTwoHundredMegabyteAttachmentPassesSendAndGetMessageOfAServerWith256MbHeap(@TempDir Path folder)
			throws Exception {
		XtaServer server = SERVER.server();
		DemoIdentity author = server.identity(0);
		DemoIdentity reader = server.identity(1);
		String service = DemoTenants.serviceOf(server, reader.party());
		Path file = folder.resolve("large-attachment.bin");
		String sha256 = TestContent.writeDeterministic(file, SIZE, 20_260_529L);

		XtaClients clients = XtaClients.of(server).streaming();
		ManagementPortType management = clients.management(author);
		SendPortType send = clients.send(author);
		String id = management.createMessageId(V3.party(author)).getValue();
		byte[] message = TestContent.xmlPayload("large");
		send.sendMessage(V3.container(V3.content(message, "text/xml", "nachricht.xml"),
				V3.content(file, SIZE, "application/octet-stream")), V3.metadata(id, author, reader, service), null);

		MsgBoxPortType msgBox = clients.msgBox(reader);
		Holder<MessageMetaData> metadata = new Holder<>();
		Holder<MsgBoxResponseType> response = new Holder<>();
		GenericContentContainer container = msgBox.getMessage(V3.fetchRequest(id), V3.party(reader), metadata,
				response);

		assertThat(metadata.value.getMsgIdentification().getMessageID().getValue()).isEqualTo(id);
		assertThat(V3.bytes(container.getContentContainer().getMessage())).isEqualTo(message);
		assertThat(container.getContentContainer().getAttachment()).hasSize(1);
		ContentType attachment = container.getContentContainer().getAttachment().get(0);
		TestContent.Digest received = TestContent.digest(attachment.getValue().getInputStream());
		assertThat(received.size()).as("bytes received").isEqualTo(SIZE);
		assertThat(received.sha256()).as("SHA-256 of the attachment received").isEqualTo(sha256);
		assertThat(server.isRunning()).as(server.describe("died during the transfer")).isTrue();
	}
}
