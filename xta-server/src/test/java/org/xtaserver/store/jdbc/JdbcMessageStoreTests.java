package org.xtaserver.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xtaserver.message.ContentKind;
import org.xtaserver.message.MessageId;
import org.xtaserver.message.MessageMetadata;
import org.xtaserver.message.MessageSource;
import org.xtaserver.message.MessageStatus;
import org.xtaserver.message.MetadataDocument;
import org.xtaserver.message.NewMessage;
import org.xtaserver.message.NewPart;
import org.xtaserver.message.PartAttributes;
import org.xtaserver.message.PartRole;
import org.xtaserver.message.StoredMessage;
import org.xtaserver.message.StoredPart;
import org.xtaserver.message.TransportEvent;
import org.xtaserver.store.DuplicateMessageException;
import org.xtaserver.store.MessageIdNotReservedException;
import org.xtaserver.store.MessageWithSmallContent;
import org.xtaserver.store.PostboxPage;
import org.xtaserver.store.PostboxQuery;
import org.xtaserver.store.embedded.MariaDbExtension;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantId;

class JdbcMessageStoreTests {

	@RegisterExtension
	static final MariaDbExtension mariaDb = new MariaDbExtension();

	private static final int CHUNK = 1024;

	private static final TenantId MUSTERSTADT = new TenantId("musterstadt");

	private static final TenantId BEISPIEL = new TenantId("beispiel");

	private static final PartyId AUTHOR = PartyId.of("xoev", "demo:musterstadt:fv");

	private static final PartyId READER = PartyId.of("xoev", "demo:musterstadt:sozialamt");

	private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

	private JdbcMessageStore store;

	@BeforeEach
	void setUp() {
		mariaDb.truncateAll();
		JdbcTemplate jdbc = new JdbcTemplate(mariaDb.dataSource());
		this.store = new JdbcMessageStore(jdbc,
				new TransactionTemplate(new DataSourceTransactionManager(mariaDb.dataSource())), CHUNK);
	}

	@Test
	void acceptedMessageIsReadBackByteForByteAcrossManyChunks() throws Exception {
		byte[] big = randomBytes(10 * CHUNK + 17);
		byte[] small = "<xml>antrag</xml>".getBytes(StandardCharsets.UTF_8);
		MessageId id = reserved(AUTHOR);
		StoredMessage stored = this.store.acceptReserved(message(id, READER, MUSTERSTADT, small, big), T0);

		assertThat(stored.status()).isEqualTo(MessageStatus.IN_POSTBOX);
		assertThat(stored.parts()).hasSize(2);
		assertThat(stored.contentSize()).isEqualTo(small.length + big.length);
		try (InputStream in = this.store.openContent(stored.parts().get(0).contentId())) {
			assertThat(in.readAllBytes()).isEqualTo(small);
		}
		try (InputStream in = this.store.openContent(stored.parts().get(1).contentId())) {
			assertThat(in.readAllBytes()).isEqualTo(big);
		}
		assertThat(this.store.find(id)).get().extracting(StoredMessage::key).isEqualTo(stored.key());
	}

	@Test
	void contentOfExactlyOneChunkIsStoredWhole() throws Exception {
		byte[] exact = randomBytes(CHUNK);
		MessageId id = reserved(AUTHOR);
		StoredMessage stored = this.store.acceptReserved(message(id, READER, MUSTERSTADT, exact), T0);
		try (InputStream in = this.store.openContent(stored.parts().get(0).contentId())) {
			assertThat(in.readAllBytes()).isEqualTo(exact);
		}
	}

	@Test
	void messageIdMustBeReservedBySameAuthorAndCanBeUsedOnce() {
		MessageId id = reserved(AUTHOR);
		PartyId other = PartyId.of("xoev", "someone-else");
		assertThatThrownBy(() -> this.store.acceptReserved(message(id, other, READER, MUSTERSTADT, bytes("a")), T0))
			.isInstanceOf(MessageIdNotReservedException.class);
		this.store.acceptReserved(message(id, READER, MUSTERSTADT, bytes("a")), T0);
		assertThatThrownBy(() -> this.store.acceptReserved(message(id, READER, MUSTERSTADT, bytes("a")), T0))
			.isInstanceOf(DuplicateMessageException.class);
		MessageId never = MessageId.of("urn:de:xta:messageid:test:never-reserved");
		assertThatThrownBy(() -> this.store.acceptReserved(message(never, READER, MUSTERSTADT, bytes("a")), T0))
			.isInstanceOf(MessageIdNotReservedException.class);
	}

	/**
	 * Large content is refused before its first chunk is written where the id cannot be used; small
	 * content needs no check ahead of the accepting transaction, which finds the same answers.
	 */
	@Test
	void largeContentIsRefusedBeforeAnyChunkIsWrittenAndSmallContentNeedsNoQueryAhead() {
		JdbcTemplate jdbc = new JdbcTemplate(mariaDb.dataSource());
		MessageId never = MessageId.of("urn:de:xta:messageid:test:not-reserved");
		InputStream endless = failingAfter(2 * CHUNK, "read beyond the first chunk and a half");
		assertThatThrownBy(() -> this.store.acceptReserved(message(never, READER, MUSTERSTADT, endless), T0))
			.isInstanceOf(MessageIdNotReservedException.class);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM content_chunk", Integer.class)).isZero();

		MessageId id = reserved(AUTHOR);
		long selectsBefore = globalStatus(jdbc, "Com_select");
		this.store.acceptReserved(message(id, READER, MUSTERSTADT, bytes("small")), T0);
		assertThat(globalStatus(jdbc, "Com_select") - selectsBefore).as("queries while accepting a small message")
			.isZero();
		assertThatThrownBy(() -> this.store.acceptReserved(message(id, READER, MUSTERSTADT, bytes("again")), T0))
			.isInstanceOf(DuplicateMessageException.class);
	}

	@Test
	void readerOutsideThisServerAwaitsTransport() {
		MessageId id = reserved(AUTHOR);
		StoredMessage stored = this.store
			.acceptReserved(message(id, PartyId.of("dvdv", "elsewhere"), null, bytes("x")), T0);
		assertThat(stored.status()).isEqualTo(MessageStatus.AWAITING_TRANSPORT);
		assertThat(this.store.history(stored)).extracting((e) -> e.status())
			.containsExactly(MessageStatus.ACCEPTED, MessageStatus.AWAITING_TRANSPORT);
	}

	@Test
	void postboxListsPageByPageWithTheCountOfWhatFollows() {
		for (int i = 0; i < 5; i++) {
			this.store.acceptReserved(message(reserved(AUTHOR), READER, MUSTERSTADT, bytes("m" + i)), T0.plusSeconds(i));
		}
		PostboxQuery query = PostboxQuery.all(MUSTERSTADT, READER);
		PostboxPage first = this.store.list(query, 0, 2);
		assertThat(first.messages()).hasSize(2);
		assertThat(first.remaining()).isEqualTo(3);
		PostboxPage second = this.store.list(query, first.lastKey(0), 2);
		assertThat(second.remaining()).isEqualTo(1);
		PostboxPage last = this.store.list(query, second.lastKey(0), 2);
		assertThat(last.messages()).hasSize(1);
		assertThat(last.remaining()).isZero();
	}

	/**
	 * Listings and lookups run on every request: they must come back ordered (messages by key, parts
	 * by number) without MariaDB writing a temporary table to disk, which sorting rows that carry the
	 * metadata document (a BLOB) in the database does.
	 */
	@Test
	void listingsAndLookupsComeBackOrderedWithoutOnDiskTemporaryTables() {
		List<StoredMessage> accepted = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			accepted.add(this.store.acceptReserved(message(reserved(AUTHOR), READER, MUSTERSTADT, bytes("a" + i),
					bytes("b" + i), bytes("c" + i), bytes("d" + i)), T0.plusSeconds(i)));
		}
		JdbcTemplate jdbc = new JdbcTemplate(mariaDb.dataSource());
		long diskTablesBefore = createdTmpDiskTables(jdbc);

		PostboxPage page = this.store.list(PostboxQuery.all(MUSTERSTADT, READER), 0, 3);
		PostboxPage withoutParts = this.store.listWithoutParts(PostboxQuery.all(MUSTERSTADT, READER), 0, 3);
		StoredMessage found = this.store.find(accepted.get(2).id()).orElseThrow();

		assertThat(createdTmpDiskTables(jdbc)).as("on-disk temporary tables created by listings and a lookup")
			.isEqualTo(diskTablesBefore);
		assertThat(withoutParts.remaining()).isEqualTo(1);
		assertThat(withoutParts.messages()).extracting(StoredMessage::parts).allSatisfy((parts) -> assertThat(parts).isEmpty());
		assertThat(withoutParts.messages()).usingRecursiveComparison()
			.ignoringFields("parts")
			.isEqualTo(accepted.subList(0, 3));
		assertThat(page.messages()).extracting(StoredMessage::key)
			.containsExactly(accepted.get(0).key(), accepted.get(1).key(), accepted.get(2).key());
		assertThat(page.remaining()).isEqualTo(1);
		for (StoredMessage listed : page.messages()) {
			assertThat(listed.parts()).extracting((p) -> p.partNo()).containsExactly(0, 1, 2, 3);
		}
		assertThat(found).usingRecursiveComparison().isEqualTo(accepted.get(2));
		assertThat(page.messages()).usingRecursiveComparison().isEqualTo(accepted.subList(0, 3));
	}

	/** Content of 'x' that fails with {@code message} once more than {@code bytes} were read. */
	private static InputStream failingAfter(long bytes, String message) {
		return new InputStream() {
			private long n;

			@Override
			public int read() {
				if (this.n++ > bytes) {
					throw new IllegalStateException(message);
				}
				return 'x';
			}
		};
	}

	private static long createdTmpDiskTables(JdbcTemplate jdbc) {
		return globalStatus(jdbc, "Created_tmp_disk_tables");
	}

	private static long globalStatus(JdbcTemplate jdbc, String variable) {
		return jdbc.query("SHOW GLOBAL STATUS LIKE '" + variable + "'", (rs) -> {
			rs.next();
			return rs.getLong(2);
		});
	}

	@Test
	void postboxOfOneTenantShowsNothingToAnother() {
		this.store.acceptReserved(message(reserved(AUTHOR), READER, MUSTERSTADT, bytes("private")), T0);
		assertThat(this.store.list(PostboxQuery.all(BEISPIEL, READER), 0, 10).messages()).isEmpty();
		assertThat(this.store.list(PostboxQuery.all(MUSTERSTADT, READER), 0, 10).messages()).hasSize(1);
	}

	@Test
	void fetchedMessageStaysOfferedUntilClosedAndCannotBeCancelledAfterFetch() {
		StoredMessage stored = this.store.acceptReserved(message(reserved(AUTHOR), READER, MUSTERSTADT, bytes("a")), T0);
		StoredMessage fetched = this.store.markFetched(stored, T0.plusSeconds(5));
		assertThat(fetched.initialFetchAt()).isEqualTo(T0.plusSeconds(5));
		assertThat(this.store.list(PostboxQuery.all(MUSTERSTADT, READER), 0, 10).messages()).hasSize(1);
		assertThat(this.store.cancel(fetched, T0.plusSeconds(6))).isFalse();

		StoredMessage closed = this.store.close(fetched, T0.plusSeconds(7));
		assertThat(closed.status()).isEqualTo(MessageStatus.CLOSED);
		assertThat(closed.receptionAt()).isEqualTo(T0.plusSeconds(7));
		assertThat(this.store.list(PostboxQuery.all(MUSTERSTADT, READER), 0, 10).messages()).isEmpty();
		assertThat(this.store.history(closed)).extracting((e) -> e.status())
			.containsExactly(MessageStatus.ACCEPTED, MessageStatus.IN_POSTBOX, MessageStatus.FETCHED,
					MessageStatus.CLOSED);
	}

	/** The close of a reader's own fetched message, without a lookup; every other case closes nothing. */
	@Test
	void closeFetchedClosesOnlyTheReadersOwnFetchedMessageWithoutALookup() {
		JdbcTemplate jdbc = new JdbcTemplate(mariaDb.dataSource());
		StoredMessage waiting = this.store.acceptReserved(message(reserved(AUTHOR), READER, MUSTERSTADT, bytes("a")), T0);
		Instant at = T0.plusSeconds(9);
		assertThat(this.store.closeFetched(waiting.id(), MUSTERSTADT, READER, at)).as("not fetched yet").isFalse();
		StoredMessage fetched = this.store.markFetched(waiting, T0.plusSeconds(5));
		assertThat(this.store.closeFetched(fetched.id(), BEISPIEL, READER, at)).as("another tenant").isFalse();
		assertThat(this.store.closeFetched(fetched.id(), MUSTERSTADT, AUTHOR, at)).as("another postbox").isFalse();
		assertThat(this.store.closeFetched(MessageId.of("urn:de:xta:messageid:test:unknown"), MUSTERSTADT, READER, at))
			.as("unknown id")
			.isFalse();
		assertThat(this.store.find(fetched.id()).orElseThrow().status()).isEqualTo(MessageStatus.FETCHED);

		long selectsBefore = globalStatus(jdbc, "Com_select");
		long insertsBefore = globalStatus(jdbc, "Com_insert") + globalStatus(jdbc, "Com_insert_select");
		long updatesBefore = globalStatus(jdbc, "Com_update");
		assertThat(this.store.closeFetched(fetched.id(), MUSTERSTADT, READER, at)).isTrue();
		assertThat(globalStatus(jdbc, "Com_select") - selectsBefore).as("queries while closing").isZero();
		// The CLOSED step of the history is the message's reception time: no event row per close.
		assertThat(globalStatus(jdbc, "Com_insert") + globalStatus(jdbc, "Com_insert_select") - insertsBefore)
			.as("inserts while closing")
			.isZero();
		assertThat(globalStatus(jdbc, "Com_update") - updatesBefore).as("updates while closing").isEqualTo(1);
		assertThat(this.store.closeFetched(fetched.id(), MUSTERSTADT, READER, at.plusSeconds(1))).as("closed already")
			.isFalse();
		StoredMessage closed = this.store.find(fetched.id()).orElseThrow();
		assertThat(closed).usingRecursiveComparison().isEqualTo(this.store.close(fetched, at));
		assertThat(closed.status()).isEqualTo(MessageStatus.CLOSED);
		assertThat(closed.receptionAt()).isEqualTo(at);
		assertThat(this.store.history(closed)).extracting((e) -> e.status())
			.containsExactly(MessageStatus.ACCEPTED, MessageStatus.IN_POSTBOX, MessageStatus.FETCHED,
					MessageStatus.CLOSED);
		assertThat(this.store.history(closed).get(3).at()).isEqualTo(at);
	}

	/**
	 * The steps the message's times record are not stored as events but read from those times; only
	 * what no column holds is stored. Histories stored in full (by earlier versions, or by an older
	 * replica during a rolling upgrade) show every step once.
	 */
	@Test
	void historyFollowsFromTheMessagesTimesWithOnlyWhatNoColumnHoldsStored() {
		JdbcTemplate jdbc = new JdbcTemplate(mariaDb.dataSource());
		StoredMessage stored = this.store.acceptReserved(message(reserved(AUTHOR), READER, MUSTERSTADT, bytes("a")), T0);
		StoredMessage fetched = this.store.markFetched(stored, T0.plusSeconds(5));
		this.store.markFetched(fetched, T0.plusSeconds(6));
		this.store.close(fetched, T0.plusSeconds(7));
		assertThat(jdbc.queryForList("SELECT detail FROM transport_event WHERE message_pk = ?", String.class, stored.key()))
			.as("stored events: the second fetch only")
			.containsExactly("fetched again");
		assertThat(this.store.history(stored)).containsExactly(
				new TransportEvent(MessageStatus.ACCEPTED, T0, "source XTA"),
				new TransportEvent(MessageStatus.IN_POSTBOX, T0, null),
				new TransportEvent(MessageStatus.FETCHED, T0.plusSeconds(5), "initial fetch"),
				new TransportEvent(MessageStatus.FETCHED, T0.plusSeconds(6), "fetched again"),
				new TransportEvent(MessageStatus.CLOSED, T0.plusSeconds(7), null));

		StoredMessage cancelled = this.store.acceptReserved(message(reserved(AUTHOR), READER, MUSTERSTADT, bytes("b")),
				T0);
		this.store.cancel(cancelled, T0.plusSeconds(2));
		assertThat(this.store.history(cancelled)).extracting(TransportEvent::status, TransportEvent::at)
			.containsExactly(tuple(MessageStatus.ACCEPTED, T0), tuple(MessageStatus.IN_POSTBOX, T0),
					tuple(MessageStatus.CANCELLED, T0.plusSeconds(2)));

		StoredMessage old = this.store.acceptReserved(message(reserved(AUTHOR), READER, MUSTERSTADT, bytes("c")), T0);
		this.store.close(this.store.markFetched(old, T0.plusSeconds(5)), T0.plusSeconds(7));
		// As the previous version wrote every step.
		String insert = "INSERT INTO transport_event (message_pk, status, at, detail) VALUES (?, ?, ?, ?)";
		jdbc.update(insert, old.key(), "ACCEPTED", SqlTime.utc(T0), "source XTA; written in full");
		jdbc.update(insert, old.key(), "IN_POSTBOX", SqlTime.utc(T0), null);
		jdbc.update(insert, old.key(), "FETCHED", SqlTime.utc(T0.plusSeconds(5)), "initial fetch");
		jdbc.update(insert, old.key(), "CLOSED", SqlTime.utc(T0.plusSeconds(7)), null);
		assertThat(this.store.history(old)).containsExactly(
				new TransportEvent(MessageStatus.ACCEPTED, T0, "source XTA; written in full"),
				new TransportEvent(MessageStatus.IN_POSTBOX, T0, null),
				new TransportEvent(MessageStatus.FETCHED, T0.plusSeconds(5), "initial fetch"),
				new TransportEvent(MessageStatus.CLOSED, T0.plusSeconds(7), null));
	}

	/**
	 * getMessage's lookup brings the whole content of small parts (one chunk at most, here CHUNK
	 * bytes) in the same statement, and nothing of larger ones.
	 */
	@Test
	void lookupWithSmallContentBringsWholeSmallPartsInOneStatement() throws Exception {
		JdbcTemplate jdbc = new JdbcTemplate(mariaDb.dataSource());
		byte[] small = bytes("Antrag");
		byte[] oneChunk = randomBytes(CHUNK);
		byte[] larger = randomBytes(CHUNK + 1);
		StoredMessage stored = this.store.acceptReserved(
				message(reserved(AUTHOR), READER, MUSTERSTADT, small, oneChunk, larger, new byte[0]), T0);

		long selectsBefore = globalStatus(jdbc, "Com_select");
		MessageWithSmallContent found = this.store.findWithSmallContent(stored.id()).orElseThrow();
		assertThat(globalStatus(jdbc, "Com_select") - selectsBefore).as("queries of the lookup").isEqualTo(1);

		assertThat(found.message()).usingRecursiveComparison().isEqualTo(this.store.find(stored.id()).orElseThrow());
		List<StoredPart> parts = found.message().parts();
		assertThat(found.contents()).containsOnlyKeys(parts.get(0).contentId(), parts.get(1).contentId(),
				parts.get(3).contentId());
		assertThat(found.contents().get(parts.get(0).contentId())).isEqualTo(small);
		assertThat(found.contents().get(parts.get(1).contentId())).isEqualTo(oneChunk);
		assertThat(found.contents().get(parts.get(3).contentId())).isEmpty();
		try (InputStream in = this.store.openContent(parts.get(2).contentId())) {
			assertThat(in.readAllBytes()).isEqualTo(larger);
		}
		assertThat(this.store.findWithSmallContent(MessageId.of("urn:de:xta:messageid:test:unknown"))).isEmpty();
	}

	/** The store answers with messages it builds from what it wrote; they must equal what a read gives. */
	@Test
	void messagesReturnedByWritesEqualWhatIsReadBack() {
		Instant odd = T0.plusNanos(123_456_789); // finer than DATETIME(6) keeps
		StoredMessage stored = this.store.acceptReserved(
				message(reserved(AUTHOR), READER, MUSTERSTADT, bytes("small"), randomBytes(3 * CHUNK + 5)), odd);
		assertThat(stored.acceptedAt()).isEqualTo(T0.plusNanos(123_456_000));
		assertThat(stored).usingRecursiveComparison().isEqualTo(this.store.find(stored.id()).orElseThrow());
		StoredMessage fetched = this.store.markFetched(stored, odd.plusSeconds(1));
		assertThat(fetched).usingRecursiveComparison().isEqualTo(this.store.find(stored.id()).orElseThrow());
		StoredMessage again = this.store.markFetched(fetched, odd.plusSeconds(2));
		assertThat(again.initialFetchAt()).isEqualTo(fetched.initialFetchAt());
		assertThat(again).usingRecursiveComparison().isEqualTo(this.store.find(stored.id()).orElseThrow());
		StoredMessage closed = this.store.close(again, odd.plusSeconds(3));
		assertThat(closed.status()).isEqualTo(MessageStatus.CLOSED);
		assertThat(closed).usingRecursiveComparison().isEqualTo(this.store.find(stored.id()).orElseThrow());
		StoredMessage closedAgain = this.store.close(fetched, odd.plusSeconds(4));
		assertThat(closedAgain.receptionAt()).isEqualTo(closed.receptionAt());

		StoredMessage forTransport = this.store.acceptReserved(
				message(reserved(AUTHOR), PartyId.of("dvdv", "elsewhere"), null, bytes("x")), odd);
		assertThat(forTransport).usingRecursiveComparison().isEqualTo(this.store.find(forTransport.id()).orElseThrow());
	}

	@Test
	void workInTheAcceptingTransactionCommitsOrFailsWithTheMessage() {
		MessageId id = reserved(AUTHOR);
		List<MessageId> seen = new java.util.ArrayList<>();
		assertThatThrownBy(() -> this.store.acceptReserved(message(id, READER, MUSTERSTADT, bytes("a")), T0, (m) -> {
			seen.add(m.id());
			throw new IllegalStateException("audit failed");
		})).hasMessageContaining("audit failed");
		assertThat(seen).containsExactly(id);
		assertThat(this.store.find(id)).isEmpty();
		StoredMessage stored = this.store.acceptReserved(message(id, READER, MUSTERSTADT, bytes("a")), T0, (m) -> seen.add(m.id()));
		assertThat(seen).containsExactly(id, id);
		assertThat(this.store.find(id)).get().extracting(StoredMessage::key).isEqualTo(stored.key());
	}

	@Test
	void newOnlySelectionSkipsFetchedMessages() {
		StoredMessage a = this.store.acceptReserved(message(reserved(AUTHOR), READER, MUSTERSTADT, bytes("a")), T0);
		StoredMessage b = this.store.acceptReserved(message(reserved(AUTHOR), READER, MUSTERSTADT, bytes("b")), T0);
		this.store.markFetched(a, T0.plusSeconds(1));
		PostboxQuery newOnly = new PostboxQuery(MUSTERSTADT, READER, List.of(), null, null, true);
		assertThat(this.store.list(newOnly, 0, 10).messages()).extracting(StoredMessage::id).containsExactly(b.id());
	}

	@Test
	void cancelledMessageLeavesThePostbox() {
		StoredMessage stored = this.store.acceptReserved(message(reserved(AUTHOR), READER, MUSTERSTADT, bytes("a")), T0);
		assertThat(this.store.cancel(stored, T0.plusSeconds(1))).isTrue();
		assertThat(this.store.list(PostboxQuery.all(MUSTERSTADT, READER), 0, 10).messages()).isEmpty();
		assertThat(this.store.find(stored.id())).get().extracting(StoredMessage::status).isEqualTo(MessageStatus.CANCELLED);
	}

	@Test
	void failedUploadLeavesNoMessageAndTheIdStaysUsable() {
		MessageId id = reserved(AUTHOR);
		InputStream failing = failingAfter(3 * CHUNK, "client went away");
		assertThatThrownBy(() -> this.store.acceptReserved(message(id, READER, MUSTERSTADT, failing), T0))
			.hasMessageContaining("client went away");
		assertThat(this.store.find(id)).isEmpty();
		StoredMessage retried = this.store.acceptReserved(message(id, READER, MUSTERSTADT, bytes("second try")), T0);
		assertThat(retried.status()).isEqualTo(MessageStatus.IN_POSTBOX);
	}

	@Test
	void purgeRemovesOnlyMessagesFinishedBeforeTheCutoffTogetherWithTheirContent() {
		StoredMessage old = this.store.acceptReserved(message(reserved(AUTHOR), READER, MUSTERSTADT, randomBytes(3 * CHUNK)), T0);
		StoredMessage oldFetched = this.store.markFetched(old, T0.plusSeconds(1));
		this.store.markFetched(oldFetched, T0.plusSeconds(1)); // fetched again: a stored transport event
		this.store.close(oldFetched, T0.plusSeconds(2));
		JdbcTemplate jdbc = new JdbcTemplate(mariaDb.dataSource());
		String events = "SELECT COUNT(*) FROM transport_event WHERE message_pk = ?";
		assertThat(jdbc.queryForObject(events, Integer.class, old.key())).isEqualTo(1);
		StoredMessage recent = this.store.acceptReserved(message(reserved(AUTHOR), READER, MUSTERSTADT, bytes("r")), T0);
		this.store.close(this.store.markFetched(recent, T0.plusSeconds(1)), T0.plusSeconds(100));
		StoredMessage waiting = this.store.acceptReserved(message(reserved(AUTHOR), READER, MUSTERSTADT, bytes("w")), T0);
		StoredMessage otherTenant = this.store.acceptReserved(message(reserved(AUTHOR), READER, BEISPIEL, bytes("o")), T0);
		this.store.close(this.store.markFetched(otherTenant, T0.plusSeconds(1)), T0.plusSeconds(2));

		assertThat(this.store.purgeFinished(MUSTERSTADT, T0.plusSeconds(50), 10)).isEqualTo(1);

		assertThat(this.store.find(old.id())).isEmpty();
		assertThat(this.store.find(recent.id())).isPresent();
		assertThat(this.store.find(waiting.id())).isPresent();
		assertThat(this.store.find(otherTenant.id())).isPresent();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM content_chunk WHERE content_id = ?", Integer.class,
				old.parts().get(0).contentId())).isZero();
		assertThat(jdbc.queryForObject(events, Integer.class, old.key())).as("transport events of the purged message")
			.isZero();
	}

	@Test
	void backlogCountsWaitingMessagesPerPostboxWithTheOldestEntry() {
		StoredMessage first = this.store.acceptReserved(message(reserved(AUTHOR), READER, MUSTERSTADT, bytes("1")), T0);
		this.store.acceptReserved(message(reserved(AUTHOR), READER, MUSTERSTADT, bytes("2")), T0.plusSeconds(60));
		StoredMessage closed = this.store.acceptReserved(message(reserved(AUTHOR), READER, MUSTERSTADT, bytes("3")), T0);
		this.store.close(this.store.markFetched(closed, T0), T0);
		this.store.markFetched(first, T0.plusSeconds(1));

		assertThat(this.store.backlog()).singleElement().satisfies((b) -> {
			assertThat(b.tenant()).isEqualTo(MUSTERSTADT);
			assertThat(b.postbox()).isEqualTo(READER);
			assertThat(b.waiting()).isEqualTo(2);
			assertThat(b.oldestEntry()).isEqualTo(T0);
		});
	}

	private MessageId reserved(PartyId author) {
		MessageId id = MessageId.newUnique("test");
		this.store.reserve(id, MUSTERSTADT, author, T0);
		return id;
	}

	private static NewMessage message(MessageId id, PartyId reader, TenantId readerTenant, byte[]... parts) {
		return message(id, AUTHOR, reader, readerTenant, parts);
	}

	private static NewMessage message(MessageId id, PartyId author, PartyId reader, TenantId readerTenant,
			byte[]... parts) {
		List<NewPart> newParts = new java.util.ArrayList<>();
		for (int i = 0; i < parts.length; i++) {
			newParts.add(new NewPart(i == 0 ? PartRole.MESSAGE : PartRole.ATTACHMENT,
					new PartAttributes("application/octet-stream", null, null, "p" + i, null, null, null),
					new ByteArrayInputStream(parts[i])));
		}
		return newMessage(id, author, reader, readerTenant, newParts);
	}

	private static NewMessage message(MessageId id, PartyId reader, TenantId readerTenant, InputStream content) {
		return newMessage(id, AUTHOR, reader, readerTenant,
				List.of(new NewPart(PartRole.MESSAGE, PartAttributes.none(), content)));
	}

	private static NewMessage newMessage(MessageId id, PartyId author, PartyId reader, TenantId readerTenant,
			List<NewPart> parts) {
		MessageMetadata metadata = new MessageMetadata(id, author, reader, "urn:test:service", "test",
				new MetadataDocument("test", "<md/>".getBytes(StandardCharsets.UTF_8)));
		return new NewMessage(metadata, MessageSource.XTA, MUSTERSTADT, readerTenant, ContentKind.PLAIN, parts);
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] randomBytes(int n) {
		byte[] b = new byte[n];
		new Random(n).nextBytes(b);
		return b;
	}
}
