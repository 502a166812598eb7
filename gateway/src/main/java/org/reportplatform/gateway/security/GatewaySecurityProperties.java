package org.reportplatform.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people sign in to the gateway ({@code report.gateway.security}).
 *
 * @param sessionLifetime   how long a signed-in session lives (a working day), whatever happens in it
 * @param sessionLookupWait how long a request with an unknown session cookie waits for this
 *                          replica's view of the sessions topic to reach the topic's end: another
 *                          replica may have just written that session
 * @param bruteForce        the limits on failed sign-ins
 */
@ConfigurationProperties("report.gateway.security")
public record GatewaySecurityProperties(
        @DefaultValue("8h") Duration sessionLifetime,
        @DefaultValue("2s") Duration sessionLookupWait,
        @DefaultValue BruteForce bruteForce) {

    public GatewaySecurityProperties {
        requirePositive("session-lifetime", sessionLifetime);
        requirePositive("session-lookup-wait", sessionLookupWait);
    }

    /**
     * @param window          the time the failures are counted over; once locked, until its end
     * @param perEmail        failures for one email within the window before it is locked
     * @param perAddress      failures from one client address within the window before it is locked
     * @param failureAnswerIn a refused sign-in is answered no sooner than this after it arrived:
     *                        it slows guessing, and an unknown email (no hash to compare) takes
     *                        as long as a wrong password
     * @param maxTracked      keys (emails, addresses) tracked at most; untouched ones go first
     */
    public record BruteForce(
            @DefaultValue("15m") Duration window,
            @DefaultValue("5") int perEmail,
            @DefaultValue("20") int perAddress,
            @DefaultValue("400ms") Duration failureAnswerIn,
            @DefaultValue("100000") int maxTracked) {

        public BruteForce {
            requirePositive("brute-force.window", window);
            if (perEmail < 1 || perAddress < 1 || maxTracked < 1) {
                throw new IllegalArgumentException("report.gateway.security.brute-force: per-email, per-address and"
                        + " max-tracked must be at least 1");
            }
        }
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("report.gateway.security." + name + " must be positive, got " + duration);
        }
    }
}
