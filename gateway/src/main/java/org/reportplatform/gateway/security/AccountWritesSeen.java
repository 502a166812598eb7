package org.reportplatform.gateway.security;

import java.time.Duration;
import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A change to accounts or tokens relayed to content-service (disable a person, revoke a token,
 * change roles...) is answered only once this gateway's views have read it: the next request,
 * here, already meets the change ("disable takes effect on the next request"). Other replicas read
 * it within their follow latency (milliseconds). Bounded: if the views cannot catch up in
 * {@value #WAIT_MILLIS} ms (Kafka unreachable), the answer goes out anyway.
 */
public final class AccountWritesSeen implements GlobalFilter, Ordered {

    private static final long WAIT_MILLIS = 2000;
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final AccountsView accounts;
    private final PersonalTokensView tokens;

    public AccountWritesSeen(AccountsView accounts, PersonalTokensView tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (SAFE.contains(exchange.getRequest().getMethod()) || !(path.startsWith("/api/accounts") || path.startsWith("/api/me/")
                || path.startsWith("/api/invitations/"))) {
            return chain.filter(exchange);
        }
        exchange.getResponse().beforeCommit(() -> exchange.getResponse().getStatusCode() != null
                && exchange.getResponse().getStatusCode().is2xxSuccessful()
                ? Mono.when(accounts.awaitLatest(Duration.ofMillis(WAIT_MILLIS)), tokens.awaitLatest(Duration.ofMillis(WAIT_MILLIS)))
                : Mono.empty());
        return chain.filter(exchange);
    }
}
