package org.xtaserver.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the XTA service itself.
 *
 * @param identity this server's identity in transport reports (XTAServerIdentity) and message ids
 * @param maxMessageBytes largest accepted message (all content parts together)
 * @param maxListItems upper bound for maxListItems in MsgBox listings
 * @param msgBoxRequestTtl how long a MsgBoxRequestID can be continued with getNext*
 * @param chunkBytes size of the database rows content is stored in
 */
@ConfigurationProperties("xta.server")
public record XtaServerProperties(@DefaultValue("xta-server") String identity,
		@DefaultValue("2147483648") long maxMessageBytes, @DefaultValue("500") int maxListItems,
		@DefaultValue("PT30M") Duration msgBoxRequestTtl, @DefaultValue("1048576") int chunkBytes) {
}
