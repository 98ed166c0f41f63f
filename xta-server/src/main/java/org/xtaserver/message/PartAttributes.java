package org.xtaserver.message;

/**
 * The descriptive attributes of a content part (XTA {@code ContentType}); all optional but
 * {@code contentType} for MESSAGE and ATTACHMENT parts.
 */
public record PartAttributes(String contentType, String contentDescription, String encoding, String filename,
		String id, String lang, Long declaredSize) {

	public static PartAttributes none() {
		return new PartAttributes(null, null, null, null, null, null, null);
	}
}
