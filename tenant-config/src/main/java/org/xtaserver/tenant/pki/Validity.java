package org.xtaserver.tenant.pki;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The validity period of a certificate to be issued. X.509 stores seconds, so both ends are
 * truncated to seconds.
 *
 * @param notBefore first instant the certificate is valid
 * @param notAfter last instant the certificate is valid
 */
public record Validity(Instant notBefore, Instant notAfter) {

    /** Peers whose clock runs a little behind must still accept a freshly issued certificate. */
    public static final Duration BACKDATE = Duration.ofMinutes(5);

    public Validity {
        if (notBefore == null || notAfter == null) {
            throw new IllegalArgumentException("notBefore and notAfter are required");
        }
        notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS);
        notAfter = notAfter.truncatedTo(ChronoUnit.SECONDS);
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter must be after notBefore");
        }
    }

    /** Valid from now (minus {@link #BACKDATE}) for {@code lifetime}, "now" read from the clock. */
    public static Validity starting(Clock clock, Duration lifetime) {
        Instant now = clock.instant();
        return new Validity(now.minus(BACKDATE), now.plus(lifetime));
    }

    public static Validity between(Instant notBefore, Instant notAfter) {
        return new Validity(notBefore, notAfter);
    }

    /** Whether the instant lies within the period. */
    public boolean contains(Instant instant) {
        return !instant.isBefore(notBefore) && !instant.isAfter(notAfter);
    }
}
