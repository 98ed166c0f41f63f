package org.xtaserver.message;

import java.util.Objects;

/**
 * The message metadata exactly as a protocol facade received it (for XTA 2 V3 the serialised
 * {@code oscimeta:MessageMetaData}), kept so that the reader gets every field the author sent,
 * including those the core does not interpret.
 *
 * @param format which facade wrote it, e.g. {@code xta-v3}
 * @param bytes the serialised document
 */
public record MetadataDocument(String format, byte[] bytes) {
	public MetadataDocument {
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(bytes, "bytes");
	}
}
