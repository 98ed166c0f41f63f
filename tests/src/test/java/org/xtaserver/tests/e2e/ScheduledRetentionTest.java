package org.xtaserver.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xtaserver.tests.support.Actuator;
import org.xtaserver.tests.support.DemoIdentity;
import org.xtaserver.tests.support.DemoTenants;
import org.xtaserver.tests.support.ExternalMariaDb;
import org.xtaserver.tests.support.V3;
import org.xtaserver.tests.support.XtaClients;
import org.xtaserver.tests.support.XtaServer;
import org.xtaserver.wsdl.v3.InvalidMessageIDException;
import org.xtaserver.wsdl.v3.ManagementPortType;
import org.xtaserver.wsdl.v3.MsgBoxPortType;
import org.xtaserver.wsdl.v3.SendPortType;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The retention purge as it runs in production: scheduled by the server itself
 * ({@code xta.retention.interval}, after {@code xta.retention.initial-delay}; both one second
 * here), on an external MariaDB whose tables the test reads and changes directly.
 *
 * <p>Rather than waiting the tenant's {@code closedMessageDays}, the test moves the stored times
 * of its messages back with SQL (every time column of the row, as if the whole life of the message
 * had happened that many days earlier). Purged must be exactly the closed and cancelled messages
 * beyond the period, with their rows, parts, history and content chunks; kept must be the messages
 * still open (listed or fetched, however old) and the one closed a day inside the period; the
 * audit trail of the purged messages must stay, and the purge is counted
 * ({@code xta_messages_purged_total}) and logged ({@code XTA-6001}).
 */
class ScheduledRetentionTest {

	private static final Pattern PURGE_LOG = Pattern
		.compile("XTA-6001 retention removed (\\d+) messages of tenant (\\S+) finished before");

	private static ExternalMariaDb db;

	private static XtaServer server;

	@BeforeAll
	static void databaseAndServer() {
		db = ExternalMariaDb.start("retention");
		server = XtaServer.builder("retention")
			.jvmArgs("-Xmx384m")
			.args(db.serverArgs())
			.args("--xta.retention.interval=PT1S", "--xta.retention.initial-delay=PT1S")
			.start();
	}

	@AfterAll
	static void stopServerAndDatabase() {
		try {
			if (server != null) {
				server.close();
			}
		}
		finally {
			if (db != null) {
				db.close();
			}
		}
	}

	@Test
	@Timeout(value = 5, unit = TimeUnit.MINUTES)
	void theScheduledPurgeRemovesExactlyTheFinishedMessagesBeyondTheTenantsRetention() throws Exception {
		DemoIdentity author = server.identity(0);
		DemoIdentity reader = server.identity(1);
		DemoTenant tenant = tenantOf(reader);
		String service = DemoTenants.serviceOf(server, reader.party());
		XtaClients clients = XtaClients.of(server);
		ManagementPortType management = clients.management(author);
		SendPortType send = clients.send(author);
		MsgBoxPortType readerBox = clients.msgBox(reader);

		Map<String, V3.Sent> sent = new LinkedHashMap<>();
		for (String name : List.of("expired-1", "expired-2", "expired-cancelled", "recently-closed", "open",
				"fetched-not-closed")) {
			sent.put(name, V3.sendSmall(management, send, author, reader, service, "retention-" + name));
		}
		for (String name : List.of("expired-1", "expired-2", "recently-closed")) {
			V3.Fetched fetched = V3.fetch(readerBox, reader, sent.get(name).messageId());
			if (name.equals("expired-1")) {
				// Fetched again: a step the message's times do not hold, stored as a transport event.
				fetched = V3.fetch(readerBox, reader, sent.get(name).messageId());
			}
			readerBox.close(V3.closeRequest(fetched.response().getMsgBoxRequestID(), fetched.messageId()),
					V3.party(reader));
		}
		V3.fetch(readerBox, reader, sent.get("fetched-not-closed").messageId());
		management.cancelMessage(V3.uri(sent.get("expired-cancelled").messageId()), V3.party(author));

		List<String> expired = ids(sent, "expired-1", "expired-2", "expired-cancelled");
		List<String> kept = ids(sent, "recently-closed", "open", "fetched-not-closed");
		List<Long> expiredKeys = keys(expired);
		List<Long> expiredContent = contentIds(expired);
		assertThat(expiredKeys).as("message rows of the expired messages before the purge").hasSize(3);
		assertThat(expiredContent).as("content rows of the expired messages (message and attachment each)").hasSize(6);
		assertThat(count("content_chunk", "content_id", expiredContent)).as("their content chunks").isPositive();
		assertThat(count("transport_event", "message_pk", expiredKeys)).as("their stored transport events").isPositive();
		Map<String, List<String>> auditBefore = new LinkedHashMap<>();
		for (String id : expired) {
			auditBefore.put(id, audit(id));
		}
		assertThat(actions(auditBefore.get(expired.get(0)))).as("audit trail of a closed message")
			.contains("SEND OK", "FETCH OK", "CLOSE OK");
		assertThat(actions(auditBefore.get(expired.get(2)))).as("audit trail of a cancelled message")
			.contains("SEND OK", "CANCEL OK");

		// The kept ones first: were the purge to run between the two updates, it could not take them.
		backdate(ids(sent, "recently-closed"), tenant.closedMessageDays() - 1);
		backdate(ids(sent, "open", "fetched-not-closed"), tenant.closedMessageDays() + 1);
		backdate(expired, tenant.closedMessageDays() + 1);

		await("the scheduled purge removing the expired messages").atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> count("message", "message_id", expired) == 0);
		// Three more runs at least (one a second): they must leave the rest alone.
		await("the messages within retention or still open surviving further runs")
			.during(Duration.ofSeconds(4))
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> count("message", "message_id", kept) == kept.size());

		for (String id : expired) {
			assertThat(audit(id)).as("audit trail of the purged message %s", id).containsAll(auditBefore.get(id));
		}
		assertThat(count("message_part", "message_pk", expiredKeys)).as("parts of the purged messages").isZero();
		assertThat(count("transport_event", "message_pk", expiredKeys)).as("history of the purged messages").isZero();
		assertThat(count("content", "id", expiredContent)).as("content rows of the purged messages").isZero();
		assertThat(count("content_chunk", "content_id", expiredContent)).as("content chunks of the purged messages")
			.isZero();
		assertThat(count("content", "id", contentIds(kept))).as("content rows of the kept messages").isEqualTo(6);

		await("xta_messages_purged_total of tenant " + tenant.id()).atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(
					Actuator.metric(server, "xta_messages_purged_total", Map.of("tenant", tenant.id())))
				.isEqualTo(3.0));
		await("XTA-6001 in the server log").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> assertThat(purgesLogged(tenant.id())).as("messages logged as purged").isEqualTo(3));

		for (String id : expired) {
			assertThat(catchThrowableOfType(InvalidMessageIDException.class,
					() -> management.getTransportReport(V3.uri(id), V3.party(author))))
				.as("getTransportReport of the purged message %s", id)
				.isNotNull();
			assertThat(catchThrowableOfType(InvalidMessageIDException.class, () -> V3.fetch(readerBox, reader, id)))
				.as("getMessage of the purged message %s", id)
				.isNotNull();
		}
		assertThat(management.getTransportReport(V3.uri(sent.get("recently-closed").messageId()), V3.party(author))
			.getMessageStatus()
			.getStatus()
			.intValue()).as("transport report of the message closed a day inside the period (1 = delivered)")
			.isEqualTo(1);
		assertThat(V3.fetch(readerBox, reader, sent.get("open").messageId()).message())
			.as("the open message, older than the period, still offered byte for byte")
			.isEqualTo(sent.get("open").message());
		assertThat(V3.fetch(readerBox, reader, sent.get("fetched-not-closed").messageId()).message())
			.as("the fetched but unclosed message, older than the period, still offered")
			.isEqualTo(sent.get("fetched-not-closed").message());
	}

	/** The reader's tenant as its demo tenant file describes it. */
	private record DemoTenant(String id, int closedMessageDays) {
	}

	private static DemoTenant tenantOf(DemoIdentity party) throws IOException {
		YAMLMapper yaml = YAMLMapper.builder().build();
		List<Path> files;
		try (Stream<Path> listing = Files.list(server.tenantsDirectory())) {
			files = listing.filter((f) -> f.toString().matches(".*\\.ya?ml")).sorted().toList();
		}
		for (Path file : files) {
			JsonNode tenant = yaml.readTree(Files.readString(file));
			for (JsonNode postbox : tenant.path("postboxes")) {
				if (party.party().value().equals(postbox.path("identifier").path("value").asString(null))) {
					// 30 is the documented default when a tenant file has no retention section.
					return new DemoTenant(tenant.path("id").asString(),
							tenant.path("retention").path("closedMessageDays").asInt(30));
				}
			}
		}
		throw new IllegalStateException("no demo tenant file in " + server.tenantsDirectory() + " has the postbox "
				+ party.party());
	}

	private static List<String> ids(Map<String, V3.Sent> sent, String... names) {
		return Stream.of(names).map((name) -> sent.get(name).messageId()).toList();
	}

	/** Moves every stored time of the messages {@code days} back. */
	private static void backdate(List<String> messageIds, int days) throws Exception {
		String sql = "UPDATE message SET accepted_at = accepted_at - INTERVAL ? DAY,"
				+ " delivered_at = delivered_at - INTERVAL ? DAY, initial_fetch_at = initial_fetch_at - INTERVAL ? DAY,"
				+ " reception_at = reception_at - INTERVAL ? DAY, cancelled_at = cancelled_at - INTERVAL ? DAY"
				+ " WHERE message_id IN (" + placeholders(messageIds.size()) + ")";
		try (Connection connection = db.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 1; i <= 5; i++) {
				statement.setInt(i, days);
			}
			for (int i = 0; i < messageIds.size(); i++) {
				statement.setString(6 + i, messageIds.get(i));
			}
			assertThat(statement.executeUpdate()).as("messages moved %s days back", days).isEqualTo(messageIds.size());
		}
	}

	private static List<Long> keys(List<String> messageIds) {
		return db.query("SELECT id FROM message WHERE message_id IN (" + placeholders(messageIds.size()) + ")",
				messageIds.toArray())
			.stream()
			.map((row) -> ((Number) row.get(0)).longValue())
			.toList();
	}

	private static List<Long> contentIds(List<String> messageIds) {
		return db.query("SELECT p.content_id FROM message_part p JOIN message m ON m.id = p.message_pk"
				+ " WHERE m.message_id IN (" + placeholders(messageIds.size()) + ")", messageIds.toArray())
			.stream()
			.map((row) -> ((Number) row.get(0)).longValue())
			.toList();
	}

	private static long count(String table, String column, List<?> values) {
		if (values.isEmpty()) {
			return 0;
		}
		return db.count("SELECT COUNT(*) FROM " + table + " WHERE " + column + " IN (" + placeholders(values.size())
				+ ")", values.toArray());
	}

	private static String placeholders(int n) {
		return String.join(", ", Collections.nCopies(n, "?"));
	}

	/** The audit entries of a message as "ACTION OUTCOME at", oldest first. */
	private static List<String> audit(String messageId) {
		List<String> entries = new ArrayList<>();
		Actuator.audit(server, null, messageId)
			.forEach((e) -> entries.add(0, e.path("action").asString() + " " + e.path("outcome").asString() + " "
					+ e.path("at").asString()));
		return entries;
	}

	/** "ACTION OUTCOME" of each entry. */
	private static List<String> actions(List<String> entries) {
		return entries.stream().map((entry) -> entry.substring(0, entry.lastIndexOf(' '))).toList();
	}

	/** Messages of the tenant the server logged as purged (XTA-6001), over all runs. */
	private static int purgesLogged(String tenantId) {
		String log;
		try {
			log = Files.readString(server.logFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int total = 0;
		Matcher matcher = PURGE_LOG.matcher(log);
		while (matcher.find()) {
			if (matcher.group(2).equals(tenantId)) {
				total += Integer.parseInt(matcher.group(1));
			}
		}
		return total;
	}
}
