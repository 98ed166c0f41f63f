package org.xtaserver.message;

/** A content part as stored; its bytes are read through the store by {@code contentId}. */
public record StoredPart(int partNo, PartRole role, PartAttributes attributes, long contentId, long size) {
}
