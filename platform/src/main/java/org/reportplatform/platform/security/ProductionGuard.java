package org.reportplatform.platform.security;

import java.util.Arrays;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a service in the {@code prod} profile with what is public in this repository:
 * the demo tokens (they are in the README) or the development assertion key (in platform-defaults.yml).
 */
public final class ProductionGuard {

    /** The assertion key of platform-defaults.yml: anyone can read it, so production must set its own. */
    static final String DEVELOPMENT_KEY_PREFIX = "development-only";

    private ProductionGuard() {
    }

    public static boolean isProduction(Environment environment) {
        return Arrays.asList(environment.getActiveProfiles()).contains("prod");
    }

    public static void check(Environment environment, SecurityProperties properties) {
        if (!isProduction(environment)) {
            return;
        }
        if (!properties.demoTokens().isEmpty()) {
            throw new IllegalStateException("the prod profile is active but the public demo tokens "
                    + properties.demoTokens().stream().map(SecurityProperties.DemoToken::name).toList()
                    + " are configured (report.security.demo-tokens): drop the demo profile");
        }
        if (properties.assertionKey() == null || properties.assertionKey().startsWith(DEVELOPMENT_KEY_PREFIX)) {
            throw new IllegalStateException("the prod profile is active but report.security.assertion-key is the public"
                    + " development key: set REPORT_SECURITY_ASSERTION_KEY to a secret of at least 32 bytes,"
                    + " the same for the gateway and every service");
        }
        if (properties.encryptionKey() == null || properties.encryptionKey().startsWith(DEVELOPMENT_KEY_PREFIX)) {
            throw new IllegalStateException("the prod profile is active but report.security.encryption-key is the public"
                    + " development key: set REPORT_SECURITY_ENCRYPTION_KEY (and REPORT_SECURITY_ENCRYPTION_SALT)");
        }
    }
}
