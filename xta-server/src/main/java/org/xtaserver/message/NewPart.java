package org.xtaserver.message;

import java.io.InputStream;
import java.util.Objects;

/** A content part about to be stored; {@code content} is read once, to its end, by the store. */
public record NewPart(PartRole role, PartAttributes attributes, InputStream content) {
	public NewPart {
		Objects.requireNonNull(role, "role");
		Objects.requireNonNull(attributes, "attributes");
		Objects.requireNonNull(content, "content");
	}
}
