package org.reportplatform.gateway.routing;

import java.net.URI;
import java.util.List;

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
