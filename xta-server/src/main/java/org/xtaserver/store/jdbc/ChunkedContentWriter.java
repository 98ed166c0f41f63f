package org.xtaserver.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Streams one content part into {@code content_chunk} rows.
 *
 * <p>Content that fits into one chunk stays in memory and is written inside the caller's final
 * transaction (one commit for a small message). Larger content is written chunk by chunk in
 * short transactions of its own, so that neither the heap nor a single database write set ever
 * holds it whole; it stays invisible (incomplete) until the final transaction references it.
 */
final class ChunkedContentWriter {

	private final JdbcTemplate jdbc;

	private final int chunkSize;

	ChunkedContentWriter(JdbcTemplate jdbc, int chunkSize) {
		this.jdbc = jdbc;
		this.chunkSize = chunkSize;
	}

	/**
	 * Reads {@code in} to its end. Large content is already written when this returns;
	 * {@code beforeWriting} runs before its first chunk is (it may refuse by throwing).
	 */
	PendingContent read(InputStream in, Instant at, Runnable beforeWriting) {
		MessageDigest sha256 = sha256();
		try {
			byte[] first = in.readNBytes(this.chunkSize);
			sha256.update(first);
			if (first.length < this.chunkSize) {
				return new PendingContent(null, first, first.length, hex(sha256));
			}
			beforeWriting.run();
			long contentId = insertContentRow(at, null);
			long size = first.length;
			int seq = 0;
			insertChunk(contentId, seq++, first);
			byte[] buffer = new byte[this.chunkSize];
			int n;
			while ((n = in.readNBytes(buffer, 0, this.chunkSize)) > 0) {
				sha256.update(buffer, 0, n);
				insertChunk(contentId, seq++, n == this.chunkSize ? buffer : Arrays.copyOf(buffer, n));
				size += n;
			}
			return new PendingContent(contentId, null, size, hex(sha256));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("reading content to store failed", ex);
		}
	}

	/** Inside the final transaction: makes the content complete and returns its id. */
	long complete(PendingContent pending, Instant at) {
		if (pending.contentId() != null) {
			this.jdbc.update("UPDATE content SET complete = TRUE, size_bytes = ?, sha256 = ? WHERE id = ?",
					pending.size(), pending.sha256(), pending.contentId());
			return pending.contentId();
		}
		long contentId = insertContentRow(at, pending);
		insertChunk(contentId, 0, pending.inline());
		return contentId;
	}

	/** {@code complete}: null for the row of large content, whose size and digest are known only at the end. */
	private long insertContentRow(Instant at, PendingContent complete) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.update((con) -> {
			PreparedStatement ps = con.prepareStatement("INSERT INTO content (complete, created_at, size_bytes, sha256) "
					+ "VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
			ps.setBoolean(1, complete != null);
			ps.setObject(2, SqlTime.utc(at));
			ps.setLong(3, (complete == null) ? 0 : complete.size());
			ps.setString(4, (complete == null) ? null : complete.sha256());
			return ps;
		}, keys);
		return keys.getKey().longValue();
	}

	private void insertChunk(long contentId, int seq, byte[] data) {
		this.jdbc.update("INSERT INTO content_chunk (content_id, seq, data) VALUES (?, ?, ?)", contentId, seq, data);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String hex(MessageDigest digest) {
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * Content read but not yet part of a committed message: either inline bytes (small) or the id
	 * of an incomplete content row (large).
	 */
	record PendingContent(Long contentId, byte[] inline, long size, String sha256) {
	}
}
