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
 * After a crash (SIGKILL of the JVM) the embedded database process of the dead JVM still runs and
 * holds the data folder; a new start on the same folder must cope with it by itself and still
 * deliver every message accepted before the crash.
 */
class KilledServerRecoversTest {

	@RegisterExtension
	static final XtaServerExtension SERVER = XtaServerExtension.dedicated("killed");

	@Test
	void aKilledServerStartsAgainDespiteItsOrphanedDatabaseAndKeepsAcceptedMessages() throws Exception {
		XtaServer server = SERVER.server();
		DemoIdentity author = server.identity(0);
		DemoIdentity reader = server.identity(1);
		String service = DemoTenants.serviceOf(server, reader.party());
		XtaClients before = XtaClients.of(server);
		List<V3.Sent> sent = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			sent.add(V3.sendSmall(before.management(author), before.send(author), author, reader, service,
					"killed-" + i));
		}

		List<ProcessHandle> orphans = server.kill();
		assertThat(orphans).as("precondition: the embedded database of the killed JVM keeps running")
			.anySatisfy((process) -> assertThat(process.info().command().orElse(""))
				.containsAnyOf("mariadbd", "mysqld"));

		server.start();

		XtaClients after = XtaClients.of(server);
		assertThat(V3.listedIds(after.msgBox(reader), reader)).as("reader's postbox after the crash")
			.containsAll(sent.stream().map(V3.Sent::messageId).toList());
		for (V3.Sent message : sent) {
			V3.Fetched fetched = V3.fetch(after.msgBox(reader), reader, message.messageId());
			assertThat(fetched.message()).as("Message content of %s", message.messageId()).isEqualTo(message.message());
			assertThat(fetched.attachments()).as("attachments of %s", message.messageId())
				.singleElement()
				.isEqualTo(message.attachment());
		}

		V3.Sent afterCrash = V3.sendSmall(after.management(author), after.send(author), author, reader, service,
				"after-crash");
		assertThat(V3.fetch(after.msgBox(reader), reader, afterCrash.messageId()).message())
			.as("a message accepted by the recovered server")
			.isEqualTo(afterCrash.message());
	}
}
