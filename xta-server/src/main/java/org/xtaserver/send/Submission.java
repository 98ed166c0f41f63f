package org.xtaserver.send;

import java.util.List;
import java.util.Objects;
import org.xtaserver.message.ContentKind;
import org.xtaserver.message.MessageMetadata;
import org.xtaserver.message.NewPart;

/** A message as an author hands it in, before any check. */
public record Submission(MessageMetadata metadata, ContentKind kind, List<NewPart> parts) {
	public Submission {
		Objects.requireNonNull(metadata, "metadata");
		Objects.requireNonNull(kind, "kind");
		parts = List.copyOf(parts);
	}
}
