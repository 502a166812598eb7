package org.reportplatform.platform.auth;

import java.util.Arrays;
import java.util.List;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a production service that still accepts a documented demo token: those
 * tokens are public, in the README.
 */
public final class DemoTokenGuard {

    private DemoTokenGuard() {
    }

    public static void check(Environment environment, AuthProperties properties) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            return;
        }
        List<String> demo = properties.tokens().stream()
                .filter(t -> t.name().startsWith("demo-") || isDemoHash(t.sha256()))
                .map(AuthProperties.Token::name)
                .toList();
        if (!demo.isEmpty()) {
            throw new IllegalStateException("the prod profile is active but the public demo tokens " + demo
                    + " are configured: configure your own tokens under report.auth.tokens and drop the demo profile");
        }
    }

    private static boolean isDemoHash(String sha256) {
        return DemoTokens.HASHES.contains(sha256.toLowerCase());
    }
}
