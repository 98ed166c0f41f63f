package org.xtaserver.store;

import java.time.Instant;
import java.util.Optional;

/** Keeps MsgBox request ids and how far each has been read; shared by all replicas. */
public interface MsgBoxRequestStore {

	void save(MsgBoxRequest request, Instant at);

	Optional<MsgBoxRequest> find(String requestId, Instant now);

	void advance(String requestId, long lastKey);

	/** Removes expired requests; returns how many. */
	int purgeExpired(Instant now);
}
