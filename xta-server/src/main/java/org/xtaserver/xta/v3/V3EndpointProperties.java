package org.xtaserver.xta.v3;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and buffering of the SOAP edge.
 *
 * @param attachmentDirectory where MTOM parts above the threshold are buffered while a request is read
 * @param attachmentMemoryThreshold bytes of an attachment kept in memory before it goes to a file; also
 * the size up to which a message's content is read completely before getMessage answers (larger
 * content streams from the database)
 * @param attachmentMaxSize largest single MTOM part accepted (bytes; -1 for no limit)
 * @param maxElementDepth deepest XML element nesting accepted
 * @param maxAttributeCount most attributes accepted on one element
 * @param maxHeaderSize most characters (names, attribute values, text) accepted in the SOAP header;
 * XTA headers (WS-Addressing, Author, MessageMetaData, X509TokenContainer) need a few kilobytes
 */
@ConfigurationProperties("xta.soap")
public record V3EndpointProperties(@DefaultValue("data/tmp/attachments") Path attachmentDirectory,
		@DefaultValue("262144") long attachmentMemoryThreshold, @DefaultValue("2147483648") long attachmentMaxSize,
		@DefaultValue("100") int maxElementDepth, @DefaultValue("100") int maxAttributeCount,
		@DefaultValue("1048576") long maxHeaderSize) {
}
