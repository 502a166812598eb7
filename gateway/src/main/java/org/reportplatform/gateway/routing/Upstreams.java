package org.reportplatform.gateway.routing;

import org.reportplatform.gateway.ReportGatewayProperties;

/** The instances of each service behind the gateway, shared by the API routes and the gateway's pages. */
public record Upstreams(ServiceInstances content, ServiceInstances figures, ServiceInstances render) {

    public static Upstreams from(ReportGatewayProperties properties) {
        return new Upstreams(
                new ServiceInstances(Upstream.CONTENT.serviceName(), properties.contentUri()),
                new ServiceInstances(Upstream.FIGURES.serviceName(), properties.figuresUri()),
                new ServiceInstances(Upstream.RENDER.serviceName(), properties.renderUri()));
    }

    ServiceInstances of(Upstream upstream) {
        return switch (upstream) {
            case CONTENT -> content;
            case FIGURES -> figures;
            case RENDER -> render;
        };
    }
}
