package org.xtaserver.store.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded MariaDB used when no {@code spring.datasource.url} is configured: for a trial on a
 * single machine, never for production.
 *
 * @param directory where binaries ({@code base/}) and data ({@code data/}) live; data survives restarts
 * @param port TCP port on 127.0.0.1; 0 picks a free one at each start
 * @param database name of the schema the server uses
 * @param staleProcessTimeoutSeconds how long to wait for a leftover server of a killed JVM to stop
 */
@ConfigurationProperties("xta.embedded-db")
public record EmbeddedDatabaseProperties(@DefaultValue("data/db") Path directory, @DefaultValue("0") int port,
		@DefaultValue("xta") String database, @DefaultValue("30") int staleProcessTimeoutSeconds) {
}
