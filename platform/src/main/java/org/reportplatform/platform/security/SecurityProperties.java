package org.reportplatform.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the services know who is asking ({@code report.security}).
 *
 * @param assertionKey      the secret (at least 32 bytes) the gateway signs its assertion of who
 *                          is asking with, and the services check it with (HMAC-SHA256). The
 *                          development key of platform-defaults.yml is refused by the prod profile.
 * @param assertionLifetime how long an assertion is valid: the gateway mints one per request, so
 *                          this only bounds a stolen one's use
 * @param encryptionKey     the password the second factors' secrets are encrypted with (AES-GCM,
 *                          {@code Encryptors.delux}); the gateway and content-service share it
 * @param encryptionSalt    its salt, hex-encoded (8 bytes or more)
 * @param demoTokens        the demo profile's public API tokens, each acting as a demo account
 *                          (SHA-256 of the token only); the prod profile refuses to start with any
 */
@ConfigurationProperties("report.security")
public record SecurityProperties(String assertionKey, Duration assertionLifetime, String encryptionKey,
        String encryptionSalt, List<DemoToken> demoTokens) {

    public SecurityProperties {
        assertionLifetime = assertionLifetime == null ? Duration.ofMinutes(2) : assertionLifetime;
        demoTokens = demoTokens == null ? List.of() : List.copyOf(demoTokens);
    }

    public String encryptionKeyOrFail() {
        if (encryptionKey == null || encryptionKey.length() < 16) {
            throw new IllegalStateException("report.security.encryption-key must be set (16 characters or more;"
                    + " environment REPORT_SECURITY_ENCRYPTION_KEY), the same for the gateway and content-service");
        }
        return encryptionKey;
    }

    public byte[] assertionKeyBytes() {
        if (assertionKey == null || assertionKey.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("report.security.assertion-key must be set to a secret of at least 32 bytes"
                    + " (environment REPORT_SECURITY_ASSERTION_KEY), the same for the gateway and every service");
        }
        return assertionKey.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param name        the token's name (e.g. {@code demo-enfants}), recorded on the events it causes
     * @param sha256      lowercase hex SHA-256 of the token
     * @param account     the demo account it acts as (its id)
     * @param displayName that account's display name
     * @param roles       that account's roles
     * @param teams       that account's teams
     */
    public record DemoToken(String name, String sha256, String account, String displayName, Set<Role> roles, Set<String> teams) {
        public DemoToken {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            teams = teams == null ? Set.of() : Set.copyOf(teams);
        }

        public Caller caller() {
            return new Caller(account, displayName, roles, teams, name);
        }
    }
}
