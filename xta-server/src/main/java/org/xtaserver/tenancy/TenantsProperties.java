package org.xtaserver.tenancy;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the tenant files are and how often they are re-read.
 *
 * @param directory folder with one YAML file per tenant (in Kubernetes: mounted ConfigMaps)
 * @param reloadInterval how often the folder is checked for changes
 */
@ConfigurationProperties("xta.tenants")
public record TenantsProperties(@DefaultValue("config/tenants") Path directory,
		@DefaultValue("PT30S") Duration reloadInterval) {
}
