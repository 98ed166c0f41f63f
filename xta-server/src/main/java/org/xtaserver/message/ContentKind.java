package org.xtaserver.message;

/** The two shapes of an XTA content container. */
public enum ContentKind {
	/** {@code xenc:EncryptedData}: end-to-end encrypted, kept as received and never interpreted. */
	ENCRYPTED,
	/** {@code ContentContainer}: one message part and any number of attachments. */
	PLAIN
}
