package org.xtaserver.security.hardening;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How slowly a client may send a SOAP request body. Tomcat's {@code server.tomcat.connection-timeout}
 * ends a connection on which nothing arrives for that long; a client trickling a byte now and then
 * never hits it and would hold a request thread for hours. Once {@code gracePeriod} has passed,
 * the body must have arrived at {@code minRate} bytes per second on average, or the connection is
 * closed at once.
 *
 * @param minRate least average upload rate, bytes per second (0 turns the check off)
 * @param gracePeriod time from the start of the request before the rate counts
 */
@ConfigurationProperties("xta.soap.slow-request")
public record SlowRequestProperties(@DefaultValue("1024") long minRate, @DefaultValue("60s") Duration gracePeriod) {
}
