package org.xtaserver.store.jdbc;

import java.io.InputStream;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads stored content one chunk at a time, each with its own short query, so that a reader
 * streaming a large attachment to a slow client holds neither a connection nor the whole content.
 */
final class ChunkInputStream extends InputStream {

	private final JdbcTemplate jdbc;

	private final long contentId;

	private int nextSeq;

	private byte[] chunk = new byte[0];

	private int pos;

	private boolean exhausted;

	ChunkInputStream(JdbcTemplate jdbc, long contentId) {
		this.jdbc = jdbc;
		this.contentId = contentId;
	}

	@Override
	public int read() {
		if (!fill()) {
			return -1;
		}
		return this.chunk[this.pos++] & 0xff;
	}

	@Override
	public int read(byte[] b, int off, int len) {
		if (len == 0) {
			return 0;
		}
		if (!fill()) {
			return -1;
		}
		int n = Math.min(len, this.chunk.length - this.pos);
		System.arraycopy(this.chunk, this.pos, b, off, n);
		this.pos += n;
		return n;
	}

	@Override
	public int available() {
		return this.chunk.length - this.pos;
	}

	private boolean fill() {
		while (this.pos >= this.chunk.length) {
			if (this.exhausted) {
				return false;
			}
			// Whether a next chunk exists comes with this one: no extra query to find the end.
			List<Chunk> rows = this.jdbc.query(
					"SELECT data, EXISTS(SELECT 1 FROM content_chunk WHERE content_id = ? AND seq = ?) AS more "
							+ "FROM content_chunk WHERE content_id = ? AND seq = ?",
					(rs, i) -> new Chunk(rs.getBytes(1), rs.getBoolean(2)), this.contentId, this.nextSeq + 1,
					this.contentId, this.nextSeq);
			if (rows.isEmpty()) {
				this.exhausted = true;
				return false;
			}
			this.chunk = rows.get(0).data();
			this.exhausted = !rows.get(0).more();
			this.pos = 0;
			this.nextSeq++;
		}
		return true;
	}

	private record Chunk(byte[] data, boolean more) {
	}
}
