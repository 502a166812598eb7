package org.reportplatform.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.cloud.gateway.event.EnableBodyCachingEvent;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Sends an API request to the active instance of a service that has several
 * ({@link ServiceInstances}): the one that took the last request first; on a refused connection
 * or a standby's refusal, the next one, the same request again (its body is kept for that: Spring
 * Cloud Gateway caches the bodies of the routes that ask for it). The last instance's answer,
 * whatever it is, is the caller's: a standby's 503 with {@code Retry-After} while none is active
 * yet. A service with one instance is routed as before, untouched.
 */
class ActiveInstanceFilter implements GlobalFilter, Ordered, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ActiveInstanceFilter.class);

    private final Upstreams upstreams;
    private final ApplicationEventPublisher events;

    ActiveInstanceFilter(Upstreams upstreams, ApplicationEventPublisher events) {
        this.upstreams = upstreams;
        this.events = events;
    }

    /** Once the request URL names the route's service, before the request is sent. */
    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }

    /** The routes to services with several instances keep their request bodies, to send them again. */
    @Override
    public void afterSingletonsInstantiated() {
        for (Upstream upstream : Upstream.values()) {
            if (upstreams.of(upstream).several()) {
                for (String route : upstream.routeIds()) {
                    events.publishEvent(new EnableBodyCachingEvent(this, route));
                }
            }
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Optional<ServiceInstances> several = Upstream.of(exchange).map(upstreams::of).filter(ServiceInstances::several);
        if (several.isEmpty()) {
            return chain.filter(exchange);
        }
        return attempt(exchange, chain, several.get(), several.get().inTurn(), 0);
    }

    private enum Outcome {
        ANSWERED, UNREACHABLE
    }

    private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, ServiceInstances instances, List<URI> order,
            int index) {
        URI instance = order.get(index);
        boolean last = index == order.size() - 1;
        URI url = exchange.getRequiredAttribute(GATEWAY_REQUEST_URL_ATTR);
        exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, UriComponentsBuilder.fromUri(url)
                .scheme(instance.getScheme()).host(instance.getHost()).port(instance.getPort()).build(true).toUri());
        return chain.filter(exchange)
                .then(Mono.just(Outcome.ANSWERED))
                .onErrorResume(e -> !last && ServiceInstances.unreachable(e), e -> Mono.just(Outcome.UNREACHABLE))
                .flatMap(outcome -> {
                    HttpStatusCode status = exchange.getResponse().getStatusCode();
                    boolean standby = outcome == Outcome.ANSWERED && status != null
                            && ServiceInstances.isStandbyRefusal(status.value(), exchange.getResponse().getHeaders());
                    if (outcome == Outcome.ANSWERED && !standby) {
                        instances.answered(instance);
                        return Mono.<Void>empty();
                    }
                    if (last) {
                        return Mono.<Void>empty();
                    }
                    log.info("{} {}: {} at {}, trying the next instance", exchange.getRequest().getMethod(),
                            exchange.getRequest().getPath(), standby ? "a standby" : "unreachable", instance);
                    discardAnswer(exchange);
                    return attempt(exchange, chain, instances, order, index + 1);
                });
    }

    /** The standby's answer is not the caller's: its connection is dropped, its headers removed, the request may be routed again. */
    private static void discardAnswer(ServerWebExchange exchange) {
        Connection connection = exchange.getAttribute(CLIENT_RESPONSE_CONN_ATTR);
        if (connection != null) {
            connection.dispose();
            exchange.getAttributes().remove(CLIENT_RESPONSE_CONN_ATTR);
        }
        ServerWebExchangeUtils.reset(exchange);
    }
}
