package org.xtaserver.store.jdbc;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xtaserver.message.MessageId;
import org.xtaserver.store.MsgBoxRequest;
import org.xtaserver.store.MsgBoxRequestStore;
import org.xtaserver.store.PostboxQuery;
import org.xtaserver.tenant.PartyId;
import org.xtaserver.tenant.TenantId;

/** {@link MsgBoxRequestStore} in the {@code msgbox_request} table. */
public class JdbcMsgBoxRequestStore implements MsgBoxRequestStore {

	private final JdbcTemplate jdbc;

	public JdbcMsgBoxRequestStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(MsgBoxRequest request, Instant at) {
		PostboxQuery q = request.query();
		String ids = q.messageIds().isEmpty() ? null
				: String.join("\n", q.messageIds().stream().map(MessageId::value).toList());
		this.jdbc.update("INSERT INTO msgbox_request (request_id, reader_tenant, reader_type, reader_value, kind, "
				+ "selector_ids, entry_from, entry_to, new_entry, max_items, list_form, last_key, created_at, expires_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", request.requestId(), q.tenant().value(),
				q.reader().type(), q.reader().value(), request.kind().name(), ids, SqlTime.utc(q.entryFrom()),
				SqlTime.utc(q.entryTo()), q.newOnly(), request.maxItems(), request.listForm(), request.lastKey(),
				SqlTime.utc(at), SqlTime.utc(request.expiresAt()));
	}

	@Override
	public Optional<MsgBoxRequest> find(String requestId, Instant now) {
		List<MsgBoxRequest> found = this.jdbc.query("SELECT * FROM msgbox_request WHERE request_id = ? AND expires_at > ?",
				(rs, i) -> {
					String ids = rs.getString("selector_ids");
					List<MessageId> messageIds = ids == null ? List.of()
							: Arrays.stream(ids.split("\n")).map(MessageId::new).toList();
					PostboxQuery query = new PostboxQuery(new TenantId(rs.getString("reader_tenant")),
							PartyId.of(rs.getString("reader_type"), rs.getString("reader_value")), messageIds,
							SqlTime.instant(rs, "entry_from"), SqlTime.instant(rs, "entry_to"),
							(Boolean) rs.getObject("new_entry", Boolean.class));
					return new MsgBoxRequest(rs.getString("request_id"), MsgBoxRequest.Kind.valueOf(rs.getString("kind")),
							query, rs.getInt("max_items"), rs.getString("list_form"), rs.getLong("last_key"),
							SqlTime.instant(rs, "expires_at"));
				}, requestId, SqlTime.utc(now));
		return found.stream().findFirst();
	}

	@Override
	public void advance(String requestId, long lastKey) {
		this.jdbc.update("UPDATE msgbox_request SET last_key = GREATEST(last_key, ?) WHERE request_id = ?", lastKey,
				requestId);
	}

	@Override
	public int purgeExpired(Instant now) {
		return this.jdbc.update("DELETE FROM msgbox_request WHERE expires_at <= ?", SqlTime.utc(now));
	}
}
