package org.reportplatform.gateway.security;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.reportplatform.platform.security.CallerAssertions;
import org.reportplatform.platform.security.CallerAuthentication;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Tells the services who is asking: a routed {@code /api/**} request whose caller the security
 * chain knows (a browser session, a personal or demo token) goes on with
 * {@code Authorization: Bearer <assertion>}, the gateway's signed statement of that person with the
 * rights the account has now ({@link CallerAssertions}) — never the session cookie, never the
 * personal token. A request without a caller goes on as it came (public reads; the services
 * answer 401 where they need someone). The gateway's own cookies (session, CSRF) are never passed on.
 *
 * <p>The CSRF check of a session's unsafe request happened before, in the security chain.
 */
public final class CallerRelay implements GlobalFilter, Ordered {

    private static final Set<String> GATEWAY_COOKIES = Set.of(KafkaSessions.COOKIE, GatewaySecurityConfiguration.CSRF_COOKIE);

    private final CallerAssertions assertions;

    public CallerRelay(CallerAssertions assertions) {
        this.assertions = assertions;
    }

    /** Before Spring Cloud Gateway's own filters: the request is settled first. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof CallerAuthentication caller ? caller : null)
                .map(caller -> assertions.mint(caller.caller()))
                .map(assertion -> forwarded(exchange, assertion))
                .defaultIfEmpty(forwarded(exchange, null))
                .flatMap(chain::filter);
    }

    private static ServerWebExchange forwarded(ServerWebExchange exchange, String assertion) {
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            withoutGatewayCookies(headers);
            if (assertion != null) {
                headers.setBearerAuth(assertion);
            }
        }).build();
        return exchange.mutate().request(request).build();
    }

    private static void withoutGatewayCookies(HttpHeaders headers) {
        if (!headers.containsHeader(HttpHeaders.COOKIE)) {
            return;
        }
        String others = headers.getOrEmpty(HttpHeaders.COOKIE).stream()
                .flatMap(value -> Arrays.stream(value.split(";")))
                .map(String::strip)
                .filter(cookie -> !cookie.isEmpty() && !GATEWAY_COOKIES.contains(cookie.split("=", 2)[0].strip()))
                .collect(Collectors.joining("; "));
        headers.remove(HttpHeaders.COOKIE);
        if (!others.isEmpty()) {
            headers.set(HttpHeaders.COOKIE, others);
        }
    }
}
