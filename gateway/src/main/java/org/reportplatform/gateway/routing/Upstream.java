package org.reportplatform.gateway.routing;

import java.net.URI;
import org.reportplatform.gateway.ReportGatewayProperties;

/** The services behind {@code /api/**}: each route's id, and the name callers see in a 503. */
enum Upstream {

    CONTENT("content-service"),
    FIGURES("figures-service"),
    RENDER("render-service");

    /** Route metadata key holding the {@link Upstream} a route leads to. */
    static final String METADATA_KEY = "report.upstream";

    private final String serviceName;

    Upstream(String serviceName) {
        this.serviceName = serviceName;
    }

    String serviceName() {
        return serviceName;
    }

    URI uri(ReportGatewayProperties properties) {
        return switch (this) {
            case CONTENT -> properties.contentUri();
            case FIGURES -> properties.figuresUri();
            case RENDER -> properties.renderUri();
        };
    }
}
