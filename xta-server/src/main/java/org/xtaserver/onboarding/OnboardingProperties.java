package org.xtaserver.onboarding;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The test-and-acceptance report ({@code onboarding-check}).
 *
 * @param reportDirectory where the endpoint (and, without {@code --out}, the command) stores the
 * Markdown and JSON files
 * @param trustAnchors further CA certificates (PEM files or Spring resource locations, e.g. the
 * DOI-CA) that chains of OSCI certificates may end at; {@code xta.tls.client-ca} is always used
 * @param expiryWarningDays a certificate expiring in fewer days is a warning
 * @param osciTimeout timeout of each request of the intermediary dialog
 */
@ConfigurationProperties("xta.onboarding")
public record OnboardingProperties(@DefaultValue("data/reports") Path reportDirectory, List<String> trustAnchors,
		@DefaultValue("30") int expiryWarningDays, @DefaultValue("PT30S") Duration osciTimeout) {

	public OnboardingProperties {
		trustAnchors = trustAnchors == null ? List.of() : List.copyOf(trustAnchors);
	}
}
