package org.reportplatform.platform.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.reportplatform.platform.errors.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** Resolves {@code Authorization: Bearer <token>} to a {@link Caller} by the token's hash. */
public class TokenAuthenticator {

    private static final String BEARER = "Bearer ";

    private final Map<String, Caller> callersByHash;

    public TokenAuthenticator(AuthProperties properties) {
        this.callersByHash = properties.tokens().stream().collect(Collectors.toUnmodifiableMap(
                t -> t.sha256().toLowerCase(), TokenAuthenticator::callerOf, (a, b) -> {
                    throw new IllegalStateException("two tokens share the hash of " + a.name() + " and " + b.name());
                }));
    }

    /** The caller of this request; 401 when the token is missing or unknown. */
    public Caller require(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw ApiException.unauthorized("this request needs a token: send Authorization: Bearer <token>");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.unauthorized("the Authorization header must be of the form Bearer <token>");
        }
        return find(header.substring(BEARER.length()).strip())
                .orElseThrow(() -> ApiException.unauthorized("the token is not valid"));
    }

    public Optional<Caller> find(String token) {
        return Optional.ofNullable(callersByHash.get(sha256Hex(token)));
    }

    public static String sha256Hex(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static Caller callerOf(AuthProperties.Token token) {
        Set<Role> roles = token.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(token.roles());
        if (token.team() != null) {
            roles.add(Role.TEAM);
        }
        return new Caller(token.name(), token.team(), roles);
    }

}
