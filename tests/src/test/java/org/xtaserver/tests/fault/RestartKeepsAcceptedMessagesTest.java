package org.xtaserver.tests.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.tests.support.XtaServerExtension;

/**
 * "Accepted" means committed: every message the server answered sendMessage for survives a
 * graceful restart byte for byte.
 */
class RestartKeepsAcceptedMessagesTest {

	@RegisterExtension
	static final XtaServerExtension SERVER = XtaServerExtension.dedicated("restart");

	@Test
	void everyAcceptedMessageIsListedAndFetchedByteForByteAfterAGracefulRestart() throws Exception {
		XtaServer server = SERVER.server();
		DemoIdentity author = server.identity(0);
		DemoIdentity reader = server.identity(1);
		String service = DemoTenants.serviceOf(server, reader.party());
		XtaClients before = XtaClients.of(server);
		List<V3.Sent> sent = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			sent.add(V3.sendSmall(before.management(author), before.send(author), author, reader, service,
					"restart-" + i));
		}

		List<ProcessHandle> leftBehind = server.stop();
		assertThat(leftBehind).as("processes still running 30 s after a graceful stop (embedded database?)")
			.isEmpty();
		server.start();

		XtaClients after = XtaClients.of(server);
		List<String> ids = sent.stream().map(V3.Sent::messageId).toList();
		assertThat(V3.listedIds(after.msgBox(reader), reader)).as("reader's postbox after the restart")
			.containsAll(ids);
		for (V3.Sent message : sent) {
			V3.Fetched fetched = V3.fetch(after.msgBox(reader), reader, message.messageId());
			assertThat(fetched.messageId()).isEqualTo(message.messageId());
			assertThat(fetched.message()).as("Message content of %s", message.messageId()).isEqualTo(message.message());
			assertThat(fetched.attachments()).as("attachments of %s", message.messageId())
				.singleElement()
				.isEqualTo(message.attachment());
		}
	}
}
