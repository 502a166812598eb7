package org.reportplatform.gateway.security;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins (password or second-factor code), counted per email and per client address
 * with bucket4j: a bucket of {@code per-email} (or {@code per-address}) failures, refilled whole
 * at the end of each window from the first failure. Once an email's or an address's bucket is
 * empty, every further attempt is refused until the window ends (429 with {@code Retry-After}),
 * whether the email exists or not, the password right or not.
 *
 * <p>Per replica, in memory: behind a load balancer spreading requests, an attacker gets the
 * limit once per replica. At most {@code max-tracked} keys; untouched (full) buckets go first.
 */
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final GatewaySecurityProperties.BruteForce limits;
    private final Map<String, Bucket> emails = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    public SignInThrottle(GatewaySecurityProperties.BruteForce limits) {
        this.limits = limits;
    }

    /** How long attempts for this email, or from this address, are still refused; empty when they are not. */
    public Optional<Duration> lockedFor(String email, String address) {
        Duration byEmail = email == null ? Duration.ZERO : waitFor(emails.get(AccountsView.normalize(email)));
        Duration byAddress = address == null ? Duration.ZERO : waitFor(addresses.get(address));
        Duration longest = byEmail.compareTo(byAddress) >= 0 ? byEmail : byAddress;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Counts a failed attempt for the email and the address. */
    public void failed(String email, String address) {
        if (email != null && !email.isBlank()) {
            consume(emails, AccountsView.normalize(email), limits.perEmail());
        }
        if (address != null) {
            consume(addresses, address, limits.perAddress());
        }
    }

    private void consume(Map<String, Bucket> buckets, String key, int capacity) {
        if (buckets.size() >= limits.maxTracked()) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
            if (buckets.size() >= limits.maxTracked()) {
                log.warn("tracking {} keys of failed sign-ins, the most allowed: forgetting them all", buckets.size());
                buckets.clear();
            }
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillIntervally(capacity, limits.window()))
                .build());
        bucket.tryConsume(1);
    }

    private static Duration waitFor(Bucket bucket) {
        if (bucket == null) {
            return Duration.ZERO;
        }
        var probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }
}
