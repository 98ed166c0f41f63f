package org.xtaserver.message;

/** What one stored content part is within its container. */
public enum PartRole {
	ENCRYPTED_DATA, MESSAGE, ATTACHMENT
}
