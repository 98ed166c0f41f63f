/**
 * The test-and-acceptance report of one tenant (Test- und Abnahmeprotokoll): certificates,
 * intermediary, postboxes and a test message through the whole path, written as Markdown and
 * JSON. Run as {@code xta-server onboarding-check --tenant ID} or on the management port
 * ({@code GET /actuator/onboardingcheck/ID}); see {@code docs/acceptance-report.md}.
 */
package org.xtaserver.onboarding;
