package org.reportplatform.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The demo profile's public API tokens ({@code report.security.demo-tokens}), each acting as a
 * demo account. Found by the SHA-256 of the token: the configuration never holds a token.
 */
public final class DemoTokens {

    private final Map<String, SecurityProperties.DemoToken> byHash;

    public DemoTokens(SecurityProperties properties) {
        this.byHash = properties.demoTokens().stream().collect(Collectors.toUnmodifiableMap(
                t -> t.sha256().toLowerCase(), t -> t, (a, b) -> {
                    throw new IllegalStateException("two demo tokens share the hash of " + a.name() + " and " + b.name());
                }));
    }

    public Optional<SecurityProperties.DemoToken> find(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(byHash.get(sha256Hex(token)));
    }

    public boolean isEmpty() {
        return byHash.isEmpty();
    }

    /** Lowercase hex SHA-256 of a token's UTF-8 bytes: how tokens are stored and looked up. */
    public static String sha256Hex(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
