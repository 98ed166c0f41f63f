package org.xtaserver.store.jdbc;

import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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
import org.xtaserver.store.MessageStore;
import org.xtaserver.store.MessageWithSmallContent;
import org.xtaserver.store.PostboxBacklog;
import org.xtaserver.store.PostboxPage;
import org.xtaserver.store.PostboxQuery;
import org.xtaserver.store.jdbc.ChunkedContentWriter.PendingContent;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantId;

/** {@link MessageStore} on MariaDB (or Galera): InnoDB, READ COMMITTED, chunked content. */
public class JdbcMessageStore implements MessageStore {

	private static final String MESSAGE_COLUMNS = "id, message_id, source, author_tenant, author_type, author_value, "
			+ "reader_tenant, reader_type, reader_value, service, message_type, content_kind, content_size, "
			+ "metadata_format, metadata_doc, status, accepted_at, delivered_at, initial_fetch_at, reception_at, "
			+ "cancelled_at";

	private static final String MESSAGE_COLUMNS_OF_M = Arrays.stream(MESSAGE_COLUMNS.split(", "))
		.map((column) -> "m." + column)
		.collect(Collectors.joining(", "));

	private static final String PART_COLUMNS = "p.part_no, p.role, p.content_id, p.content_type, p.content_desc, "
			+ "p.encoding, p.filename, p.part_ref_id, p.lang, p.declared_size, c.size_bytes";

	/** The detail of a history's first FETCHED step, as stored events had it. */
	private static final String INITIAL_FETCH = "initial fetch";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final ChunkedContentWriter contentWriter;

	/** Content up to this size is one chunk and comes along with {@link #findWithSmallContent}. */
	private final int smallContentBytes;

	public JdbcMessageStore(JdbcTemplate jdbc, TransactionTemplate tx, int chunkSize) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.contentWriter = new ChunkedContentWriter(jdbc, chunkSize);
		this.smallContentBytes = Math.min(chunkSize, MessageWithSmallContent.MAX_BYTES);
	}

	@Override
	public void reserve(MessageId id, TenantId tenant, PartyId author, Instant at) {
		this.jdbc.update("INSERT INTO reserved_message_id (message_id, tenant_id, author_type, author_value, reserved_at) "
				+ "VALUES (?, ?, ?, ?, ?)", id.value(), tenant.value(), author.type(), author.value(), SqlTime.utc(at));
	}

	@Override
	public StoredMessage acceptReserved(NewMessage message, Instant at, Consumer<StoredMessage> sameTransaction) {
		return accept(message, at, true, sameTransaction);
	}

	@Override
	public StoredMessage acceptUnreserved(NewMessage message, Instant at, Consumer<StoredMessage> sameTransaction) {
		return accept(message, at, false, sameTransaction);
	}

	private StoredMessage accept(NewMessage message, Instant requestedAt, boolean reserved,
			Consumer<StoredMessage> sameTransaction) {
		MessageId id = message.metadata().messageId();
		// The time as the columns keep it, so that the message returned equals the message read back.
		Instant at = SqlTime.stored(requestedAt);
		// Large content: refuse before writing megabytes where the answer is already known (one query
		// for both). Small content is written in the final transaction only, which finds the same
		// answers itself (reservation released, unique message id) without this extra statement.
		Runnable checkOnce = new Runnable() {
			private boolean checked;

			@Override
			public void run() {
				if (!this.checked) {
					checkAcceptable(id, message.metadata().author(), reserved);
					this.checked = true;
				}
			}
		};
		List<PendingContent> contents = new ArrayList<>();
		for (NewPart part : message.parts()) {
			contents.add(this.contentWriter.read(part.content(), at, checkOnce));
		}
		return this.tx.execute((status) -> {
			if (reserved) {
				int released = this.jdbc.update("DELETE FROM reserved_message_id WHERE message_id = ? AND author_type = ? "
						+ "AND author_value = ?", id.value(), message.metadata().author().type(),
						message.metadata().author().value());
				if (released != 1) {
					throw (find(id).isPresent()) ? new DuplicateMessageException(id) : new MessageIdNotReservedException(id);
				}
			}
			long size = contents.stream().mapToLong(PendingContent::size).sum();
			MessageStatus initial = (message.readerTenant() != null) ? MessageStatus.IN_POSTBOX
					: MessageStatus.AWAITING_TRANSPORT;
			long messageKey;
			try {
				messageKey = insertMessage(message, size, initial, at);
			}
			catch (DuplicateKeyException ex) {
				throw new DuplicateMessageException(id);
			}
			List<StoredPart> parts = new ArrayList<>();
			for (int i = 0; i < message.parts().size(); i++) {
				NewPart part = message.parts().get(i);
				long contentId = this.contentWriter.complete(contents.get(i), at);
				insertPart(messageKey, i, part, contentId);
				parts.add(new StoredPart(i, part.role(), part.attributes(), contentId, contents.get(i).size()));
			}
			if (message.originNote() != null) {
				// The transport's own account (the process card) is on no column of the message: kept as
				// the ACCEPTED event. Every other step of the history follows from the message's times.
				addEvent(messageKey, MessageStatus.ACCEPTED, at,
						acceptedDetail(message.source()) + "; " + message.originNote());
			}
			// Built from what was just written instead of read back: every column is known here.
			StoredMessage stored = new StoredMessage(messageKey, message.metadata(), message.source(),
					message.authorTenant(), message.readerTenant(), message.kind(), size, parts, initial, at,
					(initial == MessageStatus.IN_POSTBOX) ? at : null, null, null, null);
			sameTransaction.accept(stored);
			return stored;
		});
	}

	private void checkAcceptable(MessageId id, PartyId author, boolean reserved) {
		this.jdbc.query("SELECT (SELECT COUNT(*) FROM message WHERE message_id = ?) AS stored, "
				+ "(SELECT COUNT(*) FROM reserved_message_id WHERE message_id = ? AND author_type = ? AND author_value = ?) "
				+ "AS reserved", (rs) -> {
					if (rs.getLong("stored") > 0) {
						throw new DuplicateMessageException(id);
					}
					if (reserved && rs.getLong("reserved") == 0) {
						throw new MessageIdNotReservedException(id);
					}
				}, id.value(), id.value(), author.type(), author.value());
	}

	private long insertMessage(NewMessage message, long size, MessageStatus status, Instant at) {
		MessageMetadata md = message.metadata();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((con) -> {
			PreparedStatement ps = con.prepareStatement("INSERT INTO message (message_id, source, source_key, author_tenant, "
					+ "author_type, author_value, reader_tenant, reader_type, reader_value, service, message_type, "
					+ "content_kind, content_size, metadata_format, metadata_doc, status, accepted_at, delivered_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
			int i = 1;
			ps.setString(i++, md.messageId().value());
			ps.setString(i++, message.source().name());
			ps.setString(i++, message.sourceKey());
			ps.setString(i++, message.authorTenant() == null ? null : message.authorTenant().value());
			ps.setString(i++, md.author().type());
			ps.setString(i++, md.author().value());
			ps.setString(i++, message.readerTenant() == null ? null : message.readerTenant().value());
			ps.setString(i++, md.reader().type());
			ps.setString(i++, md.reader().value());
			ps.setString(i++, md.service());
			ps.setString(i++, md.messageType());
			ps.setString(i++, message.kind().name());
			ps.setLong(i++, size);
			ps.setString(i++, md.document().format());
			ps.setBytes(i++, md.document().bytes());
			ps.setString(i++, status.name());
			ps.setObject(i++, SqlTime.utc(at));
			ps.setObject(i++, status == MessageStatus.IN_POSTBOX ? SqlTime.utc(at) : null);
			return ps;
		}, keys);
		return keys.getKey().longValue();
	}

	private void insertPart(long messageKey, int partNo, NewPart part, long contentId) {
		PartAttributes a = part.attributes();
		this.jdbc.update("INSERT INTO message_part (message_pk, part_no, role, content_id, content_type, content_desc, "
				+ "encoding, filename, part_ref_id, lang, declared_size) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				messageKey, partNo, part.role().name(), contentId, a.contentType(), a.contentDescription(), a.encoding(),
				a.filename(), a.id(), a.lang(), a.declaredSize());
	}

	private void addEvent(long messageKey, MessageStatus status, Instant at, String detail) {
		this.jdbc.update("INSERT INTO transport_event (message_pk, status, at, detail) VALUES (?, ?, ?, ?)", messageKey,
				status.name(), SqlTime.utc(at), detail);
	}

	@Override
	public Optional<StoredMessage> findBySource(TenantId readerTenant, MessageSource source, String sourceKey) {
		return queryOne("m.reader_tenant = ? AND m.source = ? AND m.source_key = ?", readerTenant.value(), source.name(),
				sourceKey);
	}

	@Override
	public Optional<StoredMessage> find(MessageId id) {
		return queryOne("m.message_id = ?", id.value());
	}

	@Override
	public Optional<MessageWithSmallContent> findWithSmallContent(MessageId id) {
		MessagesWithParts rows = new MessagesWithParts(true);
		// Small content is a single chunk, its first: joined on the part's row, so that getMessage needs
		// no query of its own for it.
		this.jdbc.query("SELECT " + MESSAGE_COLUMNS_OF_M + ", " + PART_COLUMNS + ", ch.data AS small_content FROM message m "
				+ "LEFT JOIN message_part p ON p.message_pk = m.id LEFT JOIN content c ON c.id = p.content_id "
				+ "LEFT JOIN content_chunk ch ON ch.content_id = c.id AND ch.seq = 0 AND c.size_bytes <= ? "
				+ "WHERE m.message_id = ?", rows, this.smallContentBytes, id.value());
		return rows.messages().stream().findFirst().map((m) -> new MessageWithSmallContent(m, rows.contents()));
	}

	private Optional<StoredMessage> findByKey(long key) {
		return queryOne("m.id = ?", key);
	}

	/**
	 * The steps the message's own times record (accepted, in the postbox or awaiting transport,
	 * first fetch, closed, cancelled) are not written as events: they follow from those columns, which
	 * every step updates anyway, and an insert per step would cost every message three more
	 * statements. Events are stored only for what no column holds (a later fetch, the transport's
	 * process card); histories written before, and by older replicas during a rolling upgrade, store
	 * every step, so a step already stored with the same status and time is not derived again.
	 */
	@Override
	public List<TransportEvent> history(StoredMessage message) {
		List<TransportEvent> stored = this.jdbc.query(
				"SELECT status, at, detail FROM transport_event WHERE message_pk = ? ORDER BY id",
				(rs, i) -> new TransportEvent(MessageStatus.valueOf(rs.getString("status")), SqlTime.instant(rs, "at"),
						rs.getString("detail")),
				message.key());
		List<TransportEvent> history = new ArrayList<>(stored);
		for (TransportEvent step : stepsOfTimes(message.key())) {
			if (stored.stream().noneMatch((e) -> e.status() == step.status() && e.at().equals(step.at()))) {
				history.add(step);
			}
		}
		// By time; steps at the same instant (accepted and put into the postbox) in the order of the
		// lifecycle; the stable sort keeps stored events of equal time and status in their order.
		history.sort(Comparator.comparing(TransportEvent::at).thenComparing(TransportEvent::status));
		return List.copyOf(history);
	}

	/** The steps the message's times record, as they are now (not as the caller read the message). */
	private List<TransportEvent> stepsOfTimes(long messageKey) {
		return this.jdbc.query("SELECT source, reader_tenant, accepted_at, delivered_at, initial_fetch_at, reception_at, "
				+ "cancelled_at FROM message WHERE id = ?", (rs, i) -> {
					List<TransportEvent> steps = new ArrayList<>();
					Instant accepted = SqlTime.instant(rs, "accepted_at");
					steps.add(new TransportEvent(MessageStatus.ACCEPTED, accepted,
							acceptedDetail(MessageSource.valueOf(rs.getString("source")))));
					Instant delivered = SqlTime.instant(rs, "delivered_at");
					if (delivered != null) {
						steps.add(new TransportEvent(MessageStatus.IN_POSTBOX, delivered, null));
					}
					else if (rs.getString("reader_tenant") == null) {
						steps.add(new TransportEvent(MessageStatus.AWAITING_TRANSPORT, accepted, null));
					}
					step(steps, MessageStatus.FETCHED, SqlTime.instant(rs, "initial_fetch_at"), INITIAL_FETCH);
					step(steps, MessageStatus.CLOSED, SqlTime.instant(rs, "reception_at"), null);
					step(steps, MessageStatus.CANCELLED, SqlTime.instant(rs, "cancelled_at"), null);
					return steps;
				}, messageKey).stream().findFirst().orElse(List.of());
	}

	private static void step(List<TransportEvent> steps, MessageStatus status, Instant at, String detail) {
		if (at != null) {
			steps.add(new TransportEvent(status, at, detail));
		}
	}

	private static String acceptedDetail(MessageSource source) {
		return "source " + source.name();
	}

	@Override
	public PostboxPage list(PostboxQuery query, long afterKey, int limit) {
		return list(query, afterKey, limit, true);
	}

	@Override
	public PostboxPage listWithoutParts(PostboxQuery query, long afterKey, int limit) {
		return list(query, afterKey, limit, false);
	}

	private PostboxPage list(PostboxQuery query, long afterKey, int limit, boolean withParts) {
		StringBuilder where = new StringBuilder(
				" FROM message WHERE reader_tenant = ? AND reader_type = ? AND reader_value = ? AND status IN (?, ?)");
		List<Object> args = new ArrayList<>(List.of(query.tenant().value(), query.reader().type(),
				query.reader().value(), MessageStatus.IN_POSTBOX.name(), MessageStatus.FETCHED.name()));
		if (!query.messageIds().isEmpty()) {
			where.append(" AND message_id IN (")
				.append(String.join(", ", query.messageIds().stream().map((m) -> "?").toList()))
				.append(")");
			query.messageIds().forEach((m) -> args.add(m.value()));
		}
		if (query.entryFrom() != null) {
			where.append(" AND delivered_at >= ?");
			args.add(SqlTime.utc(query.entryFrom()));
		}
		if (query.entryTo() != null) {
			where.append(" AND delivered_at <= ?");
			args.add(SqlTime.utc(query.entryTo()));
		}
		if (query.newOnly() != null) {
			where.append(query.newOnly() ? " AND initial_fetch_at IS NULL" : " AND initial_fetch_at IS NOT NULL");
		}
		where.append(" AND id > ?");
		args.add(afterKey);
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(limit);
		List<StoredMessage> page;
		if (withParts) {
			// The page's keys alone in the derived table: with the metadata document (a BLOB) in it
			// MariaDB would materialise it as an on-disk temporary table on every listing.
			page = queryWithParts("(SELECT id" + where + " ORDER BY id LIMIT ?) pg JOIN message m ON m.id = pg.id", "",
					pageArgs.toArray());
		}
		else {
			// Without the join no temporary table at all: the sort keeps keys and row ids only and reads
			// the page's rows afterwards.
			page = this.jdbc.query("SELECT " + MESSAGE_COLUMNS + where + " ORDER BY id LIMIT ?",
					(rs, i) -> MessageRow.of(rs).toMessage(List.of()), pageArgs.toArray());
		}
		long remaining = 0;
		if (page.size() == limit) {
			args.set(args.size() - 1, page.get(page.size() - 1).key());
			Long count = this.jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args.toArray());
			remaining = (count == null) ? 0 : count;
		}
		return new PostboxPage(page, remaining);
	}

	@Override
	public InputStream openContent(long contentId) {
		return new ChunkInputStream(this.jdbc, contentId);
	}

	@Override
	public StoredMessage markFetched(StoredMessage message, Instant requestedAt) {
		Instant at = SqlTime.stored(requestedAt);
		Boolean first = this.tx.execute((status) -> {
			int updated = this.jdbc.update("UPDATE message SET initial_fetch_at = ?, status = ? WHERE id = ? "
					+ "AND initial_fetch_at IS NULL AND status = ?", SqlTime.utc(at), MessageStatus.FETCHED.name(),
					message.key(), MessageStatus.IN_POSTBOX.name());
			if (updated == 0) {
				// The first fetch is initial_fetch_at; later ones are on no column.
				addEvent(message.key(), MessageStatus.FETCHED, at, "fetched again");
			}
			return updated == 1;
		});
		// The first fetch changed exactly these two columns; any other case is read back as it is now.
		return Boolean.TRUE.equals(first) ? withStatus(message, MessageStatus.FETCHED, at, message.receptionAt())
				: findByKey(message.key()).orElseThrow();
	}

	@Override
	public StoredMessage close(StoredMessage message, Instant requestedAt) {
		Instant at = SqlTime.stored(requestedAt);
		// The CLOSED step of the history is reception_at (see history).
		boolean closed = this.jdbc.update("UPDATE message SET reception_at = ?, status = ? WHERE id = ? AND status = ?",
				SqlTime.utc(at), MessageStatus.CLOSED.name(), message.key(), MessageStatus.FETCHED.name()) == 1;
		return (closed && message.status() == MessageStatus.FETCHED)
				? withStatus(message, MessageStatus.CLOSED, message.initialFetchAt(), at)
				: findByKey(message.key()).orElseThrow();
	}

	@Override
	public boolean closeFetched(MessageId id, TenantId readerTenant, PartyId reader, Instant requestedAt) {
		Instant at = SqlTime.stored(requestedAt);
		// One statement, in the caller's transaction (the close's audit entry) if there is one; the
		// CLOSED step of the history is reception_at.
		int updated = this.jdbc.update("UPDATE message SET reception_at = ?, status = ? WHERE message_id = ? "
				+ "AND reader_tenant = ? AND reader_type = ? AND reader_value = ? AND status = ?", SqlTime.utc(at),
				MessageStatus.CLOSED.name(), id.value(), readerTenant.value(), reader.type(), reader.value(),
				MessageStatus.FETCHED.name());
		return updated == 1;
	}

	private static StoredMessage withStatus(StoredMessage m, MessageStatus status, Instant initialFetch,
			Instant reception) {
		return new StoredMessage(m.key(), m.metadata(), m.source(), m.authorTenant(), m.readerTenant(), m.kind(),
				m.contentSize(), m.parts(), status, m.acceptedAt(), m.deliveredAt(), initialFetch, reception,
				m.cancelledAt());
	}

	@Override
	public boolean cancel(StoredMessage message, Instant at) {
		// The CANCELLED step of the history is cancelled_at.
		return this.jdbc.update("UPDATE message SET cancelled_at = ?, status = ? WHERE id = ? AND status IN (?, ?)",
				SqlTime.utc(at), MessageStatus.CANCELLED.name(), message.key(), MessageStatus.IN_POSTBOX.name(),
				MessageStatus.AWAITING_TRANSPORT.name()) == 1;
	}

	@Override
	public int purgeFinished(TenantId readerTenant, Instant before, int limit) {
		Integer purged = this.tx.execute((status) -> {
			List<Long> keys = this.jdbc.queryForList("SELECT id FROM message WHERE reader_tenant = ? AND ("
					+ "(status = ? AND reception_at < ?) OR (status = ? AND cancelled_at < ?)) ORDER BY id LIMIT ? FOR UPDATE",
					Long.class, readerTenant.value(), MessageStatus.CLOSED.name(), SqlTime.utc(before),
					MessageStatus.CANCELLED.name(), SqlTime.utc(before), limit);
			if (keys.isEmpty()) {
				return 0;
			}
			String in = String.join(", ", keys.stream().map((k) -> "?").toList());
			List<Long> contents = this.jdbc.queryForList("SELECT content_id FROM message_part WHERE message_pk IN (" + in + ")",
					Long.class, keys.toArray());
			this.jdbc.update("DELETE FROM message WHERE id IN (" + in + ")", keys.toArray());
			if (!contents.isEmpty()) {
				String cin = String.join(", ", contents.stream().map((k) -> "?").toList());
				this.jdbc.update("DELETE FROM content WHERE id IN (" + cin + ")", contents.toArray());
			}
			return keys.size();
		});
		return purged == null ? 0 : purged;
	}

	@Override
	public List<PostboxBacklog> backlog() {
		return this.jdbc.query("SELECT reader_tenant, reader_type, reader_value, COUNT(*) AS waiting, MIN(delivered_at) AS oldest "
				+ "FROM message WHERE reader_tenant IS NOT NULL AND status IN (?, ?) "
				+ "GROUP BY reader_tenant, reader_type, reader_value",
				(rs, i) -> new PostboxBacklog(new TenantId(rs.getString("reader_tenant")),
						PartyId.of(rs.getString("reader_type"), rs.getString("reader_value")), rs.getLong("waiting"),
						SqlTime.instant(rs, "oldest")),
				MessageStatus.IN_POSTBOX.name(), MessageStatus.FETCHED.name());
	}

	/** At most one message with its parts, in one statement (the single-message lookups on every request). */
	private Optional<StoredMessage> queryOne(String where, Object... args) {
		return queryWithParts("message m", "WHERE " + where, args).stream().findFirst();
	}

	/**
	 * Messages with their parts in one statement: {@code messages} is the message table or a page of
	 * it joined to it, aliased {@code m}; {@code where} filters it (may be empty). No ORDER BY: sorting
	 * joined rows that carry the metadata document (a BLOB) makes MariaDB write an on-disk temporary
	 * table per statement, so the few rows are ordered here instead.
	 */
	private List<StoredMessage> queryWithParts(String messages, String where, Object... args) {
		MessagesWithParts rows = new MessagesWithParts(false);
		this.jdbc.query("SELECT " + MESSAGE_COLUMNS_OF_M + ", " + PART_COLUMNS + " FROM " + messages
				+ " LEFT JOIN message_part p ON p.message_pk = m.id LEFT JOIN content c ON c.id = p.content_id " + where,
				rows, args);
		return rows.messages();
	}

	/**
	 * Collects joined rows, one per part and in any order, into messages ordered by key with their
	 * parts in part order; a message's own columns (its metadata document among them) are read from
	 * its first row only.
	 */
	private static final class MessagesWithParts implements RowCallbackHandler {

		private final Map<Long, MessageRow> messages = new TreeMap<>();

		private final Map<Long, List<StoredPart>> parts = new HashMap<>();

		/** Whether the rows have a {@code small_content} column. */
		private final boolean withSmallContent;

		private final Map<Long, byte[]> contents = new HashMap<>();

		MessagesWithParts(boolean withSmallContent) {
			this.withSmallContent = withSmallContent;
		}

		@Override
		public void processRow(ResultSet rs) throws SQLException {
			long key = rs.getLong("id");
			if (!this.messages.containsKey(key)) {
				this.messages.put(key, MessageRow.of(rs));
				this.parts.put(key, new ArrayList<>());
			}
			if (rs.getObject("part_no") != null) {
				StoredPart part = part(rs);
				this.parts.get(key).add(part);
				byte[] content = this.withSmallContent ? rs.getBytes("small_content") : null;
				if (content != null) {
					this.contents.put(part.contentId(), content);
				}
			}
		}

		Map<Long, byte[]> contents() {
			return this.contents;
		}

		List<StoredMessage> messages() {
			List<StoredMessage> result = new ArrayList<>(this.messages.size());
			this.messages.forEach((key, row) -> {
				List<StoredPart> ordered = new ArrayList<>(this.parts.get(key));
				ordered.sort(Comparator.comparingInt(StoredPart::partNo));
				result.add(row.toMessage(List.copyOf(ordered)));
			});
			return result;
		}
	}

	private static StoredPart part(ResultSet rs) throws SQLException {
		return new StoredPart(rs.getInt("part_no"), PartRole.valueOf(rs.getString("role")),
				new PartAttributes(rs.getString("content_type"), rs.getString("content_desc"), rs.getString("encoding"),
						rs.getString("filename"), rs.getString("part_ref_id"), rs.getString("lang"),
						(Long) rs.getObject("declared_size", Long.class)),
				rs.getLong("content_id"), rs.getLong("size_bytes"));
	}

	/** A message row before its parts are attached. */
	private record MessageRow(long key, MessageMetadata metadata, MessageSource source, TenantId authorTenant,
			TenantId readerTenant, ContentKind kind, long size, MessageStatus status, Instant accepted,
			Instant delivered, Instant initialFetch, Instant reception, Instant cancelled) {

		static MessageRow of(ResultSet rs) throws SQLException {
			Function<String, TenantId> tenant = (v) -> v == null ? null : new TenantId(v);
			MessageMetadata metadata = new MessageMetadata(new MessageId(rs.getString("message_id")),
					PartyId.of(rs.getString("author_type"), rs.getString("author_value")),
					PartyId.of(rs.getString("reader_type"), rs.getString("reader_value")), rs.getString("service"),
					rs.getString("message_type"),
					new MetadataDocument(rs.getString("metadata_format"), rs.getBytes("metadata_doc")));
			return new MessageRow(rs.getLong("id"), metadata, MessageSource.valueOf(rs.getString("source")),
					tenant.apply(rs.getString("author_tenant")), tenant.apply(rs.getString("reader_tenant")),
					ContentKind.valueOf(rs.getString("content_kind")), rs.getLong("content_size"),
					MessageStatus.valueOf(rs.getString("status")), SqlTime.instant(rs, "accepted_at"),
					SqlTime.instant(rs, "delivered_at"), SqlTime.instant(rs, "initial_fetch_at"),
					SqlTime.instant(rs, "reception_at"), SqlTime.instant(rs, "cancelled_at"));
		}

		StoredMessage toMessage(List<StoredPart> parts) {
			return new StoredMessage(this.key, this.metadata, this.source, this.authorTenant, this.readerTenant, this.kind,
					this.size, parts, this.status, this.accepted, this.delivered, this.initialFetch, this.reception,
					this.cancelled);
		}
	}
}
