package org.reportplatform.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.web.server.ServerWebExchange;

/** The services behind {@code /api/**}: each route's id, and the name callers see in a 503. */
enum Upstream {

    CONTENT("content-service", "content"),
    FIGURES("figures-service", "figures"),
    RENDER("render-service", "preview", "render");

    /** Route metadata key holding the {@link Upstream} a route leads to. */
    static final String METADATA_KEY = "report.upstream";

    private final String serviceName;
    private final List<String> routeIds;

    Upstream(String serviceName, String... routeIds) {
        this.serviceName = serviceName;
        this.routeIds = List.of(routeIds);
    }

    /** The service the exchange's route leads to (its metadata), if it was routed to one. */
    static Optional<Upstream> of(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        return route != null && route.getMetadata().get(METADATA_KEY) instanceof Upstream upstream ? Optional.of(upstream) : Optional.empty();
    }

    /** The ids of the routes (ApiRoutesConfiguration) that lead to this service. */
    List<String> routeIds() {
        return routeIds;
    }

    String serviceName() {
        return serviceName;
    }

    /** The service's first instance: what its routes name (ActiveInstanceFilter picks among several). */
    URI uri(Upstreams upstreams) {
        return upstreams.of(this).all().get(0);
    }
}
