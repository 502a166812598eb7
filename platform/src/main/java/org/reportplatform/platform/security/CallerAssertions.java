package org.reportplatform.platform.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The gateway's signed statement of who is asking, sent to the services as
 * {@code Authorization: Bearer <JWT>}: the gateway signs people in (sessions, personal tokens)
 * and, per request, mints a short-lived JWT (HS256) naming the {@link Caller} with the rights
 * the account has now; a service checks the signature and reads the caller back. The services
 * thus never see a session or a personal token, and never need the accounts.
 */
public final class CallerAssertions {

    static final String ISSUER = "report-gateway";
    private static final String NAME = "name";
    private static final String ROLES = "roles";
    private static final String TEAMS = "teams";
    private static final String TOKEN = "token";

    private final JwtEncoder encoder;
    private final ReactiveJwtDecoder decoder;
    private final SecurityProperties properties;
    private final Clock clock;

    public CallerAssertions(SecurityProperties properties, Clock clock) {
        SecretKey key = new SecretKeySpec(properties.assertionKeyBytes(), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        nimbus.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        this.decoder = nimbus;
        this.properties = properties;
        this.clock = clock;
    }

    /** A signed assertion that {@code caller} is asking, valid for the configured lifetime. */
    public String mint(Caller caller) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(caller.accountId())
                .issuedAt(now)
                .expiresAt(now.plus(properties.assertionLifetime()))
                .claim(NAME, caller.displayName())
                .claim(ROLES, caller.roles().stream().map(Role::id).sorted().toList())
                .claim(TEAMS, caller.teams().stream().sorted().toList());
        if (caller.token() != null) {
            claims.claim(TOKEN, caller.token());
        }
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    /** Checks signature, issuer and expiry; for Spring Security's resource server. */
    public ReactiveJwtDecoder decoder() {
        return decoder;
    }

    /** The caller a checked assertion names. */
    public static Caller callerOf(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES);
        List<String> teams = jwt.getClaimAsStringList(TEAMS);
        Set<Role> parsed = roles == null ? Set.of() : roles.stream().map(Role::of).collect(Collectors.toSet());
        return new Caller(jwt.getSubject(), jwt.getClaimAsString(NAME), parsed,
                teams == null ? Set.of() : Set.copyOf(teams), jwt.getClaimAsString(TOKEN));
    }
}
