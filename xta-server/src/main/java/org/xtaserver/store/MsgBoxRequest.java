package org.xtaserver.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A listing or fetch that the reader continues with getNextStatusList / getNextMessage under the
 * same MsgBoxRequestID.
 *
 * @param lastKey the store key of the last message handed out under this request
 */
public record MsgBoxRequest(String requestId, Kind kind, PostboxQuery query, int maxItems, String listForm,
		long lastKey, Instant expiresAt) {

	public enum Kind {
		LIST, FETCH
	}

	public MsgBoxRequest {
		Objects.requireNonNull(requestId, "requestId");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(query, "query");
	}

	public MsgBoxRequest advancedTo(long key) {
		return new MsgBoxRequest(this.requestId, this.kind, this.query, this.maxItems, this.listForm, key, this.expiresAt);
	}
}
