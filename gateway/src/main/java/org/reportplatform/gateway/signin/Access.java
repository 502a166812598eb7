package org.reportplatform.gateway.signin;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.reportplatform.platform.auth.TokenAuthenticator;
import org.reportplatform.platform.errors.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who is asking, for the gateway's own endpoints: the caller of the request's
 * {@code Authorization: Bearer} token when it has one (checked by the platform's
 * {@link TokenAuthenticator}, never logged), otherwise the caller signed in on the request's
 * session ({@link SignInHandler}). The session holds the {@link Caller} (name, team, roles), never
 * the token.
 */
public final class Access {

    /** The session attribute that holds the signed-in {@link Caller}. */
    public static final String CALLER_ATTRIBUTE = "report.caller";
    /**
     * The session attribute that holds an operator's or admin's token, server-side only (never in
     * a cookie or a page, never logged): {@link OperatorSessionRelay} sends it on to the render
     * service's operator endpoints for the dashboard. Other callers' sessions never hold it.
     */
    static final String OPS_TOKEN_ATTRIBUTE = "report.ops-token";

    /** Who may watch rebuilds live ({@code /live}, {@code /api/live}). */
    public static final Set<Role> LIVE_ROLES = EnumSet.of(Role.WEBTEAM, Role.OPERATOR, Role.ADMIN);
    /** Who may see the operations pages ({@code /ops}). */
    public static final Set<Role> OPS_ROLES = EnumSet.of(Role.OPERATOR, Role.ADMIN);

    /** The outcome of identifying a request. */
    public sealed interface Identity permits Known, Anonymous, Refused {
    }

    /** A known caller, by its bearer token or its session. */
    public record Known(Caller caller, boolean fromSession) implements Identity {
        public boolean hasAny(Set<Role> roles) {
            return Access.hasAny(caller, roles);
        }
    }

    /** No token and no signed-in session. */
    public record Anonymous() implements Identity {
    }

    /** A bearer token that is malformed or unknown: refused even if a session is signed in. */
    public record Refused(String detail) implements Identity {
    }

    private static final Anonymous ANONYMOUS = new Anonymous();

    private final TokenAuthenticator tokens;

    public Access(TokenAuthenticator tokens) {
        this.tokens = tokens;
    }

    public Mono<Identity> identify(ServerWebExchange exchange) {
        if (exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null) {
            try {
                return Mono.just(new Known(tokens.require(exchange.getRequest()), false));
            } catch (ApiException e) {
                return Mono.just(new Refused(e.getMessage()));
            }
        }
        return exchange.getSession().map(session -> {
            Caller caller = session.getAttribute(CALLER_ATTRIBUTE);
            return caller == null ? ANONYMOUS : new Known(caller, true);
        });
    }

    /** The caller of a pasted token (sign-in form), if the token is valid. */
    Optional<Caller> byToken(String token) {
        return token == null || token.isBlank() ? Optional.empty() : tokens.find(token.strip());
    }

    public static boolean hasAny(Caller caller, Set<Role> roles) {
        return caller.roles().stream().anyMatch(roles::contains);
    }
}
