package org.reportplatform.gateway.signin;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.reportplatform.gateway.errors.ProblemResponses;
import org.reportplatform.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Lets the operations dashboard call the render service's operator endpoints ({@code /api/ops/**})
 * from the browser with the session it signed in with: such a request, without an
 * {@code Authorization} header but with a session signed in by an operator or admin, is routed
 * with that caller's bearer token (kept in the server-side session for this alone, see
 * {@link SignInHandler}). A state-changing request (anything but GET, HEAD, OPTIONS) must also
 * carry the session's CSRF token in {@value #CSRF_HEADER}, or it is refused with 403 before it
 * reaches the service. A request that has its own {@code Authorization} is passed as it is.
 *
 * <p>The gateway's session cookie is never passed on to a service, on any route: it is the
 * gateway's own secret.
 */
public final class OperatorSessionRelay implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(OperatorSessionRelay.class);

    /** The header the dashboard's script sends the CSRF token in (it is in the page's markup). */
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final String cookieName;
    private final ProblemResponses problems;

    public OperatorSessionRelay(String cookieName, ProblemResponses problems) {
        this.cookieName = cookieName;
        this.problems = problems;
    }

    /** Before everything else of Spring Cloud Gateway's filters: the request is settled first. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!request.getCookies().containsKey(cookieName)) {
            return chain.filter(exchange);
        }
        ServerHttpRequest.Builder forwarded = request.mutate().headers(this::withoutSessionCookie);
        String path = request.getPath().pathWithinApplication().value();
        boolean ops = path.equals("/api/ops") || path.startsWith("/api/ops/");
        if (!ops || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange.mutate().request(forwarded.build()).build());
        }
        return exchange.getSession().flatMap(session -> {
            Caller caller = session.getAttribute(Access.CALLER_ATTRIBUTE);
            String token = session.getAttribute(Access.OPS_TOKEN_ATTRIBUTE);
            if (caller != null && token != null && Access.hasAny(caller, Access.OPS_ROLES)) {
                if (!SAFE.contains(request.getMethod())
                        && !CsrfTokens.matches(session, request.getHeaders().getFirst(CSRF_HEADER))) {
                    log.info("refused {} {} from {}'s session without a valid CSRF token", request.getMethod(), path, caller.name());
                    return problems.write(exchange, HttpStatus.FORBIDDEN,
                            "this request comes with a signed-in session but without its CSRF token (" + CSRF_HEADER
                                    + "); reload the page and try again",
                            Map.of(), HttpHeaders.EMPTY);
                }
                forwarded.headers(headers -> headers.setBearerAuth(token));
            }
            return chain.filter(exchange.mutate().request(forwarded.build()).build());
        });
    }

    private void withoutSessionCookie(HttpHeaders headers) {
        String others = headers.getOrEmpty(HttpHeaders.COOKIE).stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(";")))
                .map(String::strip)
                .filter(cookie -> !cookie.isEmpty() && !cookie.startsWith(cookieName + "="))
                .collect(Collectors.joining("; "));
        headers.remove(HttpHeaders.COOKIE);
        if (!others.isEmpty()) {
            headers.set(HttpHeaders.COOKIE, others);
        }
    }
}
