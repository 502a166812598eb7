package org.reportplatform.gateway.routing;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.CONNECT_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import java.util.Map;
import org.reportplatform.gateway.ReportGatewayProperties;
import org.reportplatform.gateway.errors.ProblemResponses;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /api/**} to the writers, with Spring Cloud Gateway (server WebFlux): paths, query,
 * body and headers (Authorization included) are passed unchanged; the gateway adds
 * {@code Forwarded}/{@code X-Forwarded-*}. A service that is down or slower than
 * {@code report.gateway.request-timeout} gives the caller a 503 problem naming it
 * ({@link UpstreamFailureFilter}); any other answer of a service, errors included, reaches the
 * caller as the service gave it. A writer with several instances (an active one and standbys) gets
 * each request at its active instance ({@link ActiveInstanceFilter}).
 */
@Configuration(proxyBeanMethods = false)
public class ApiRoutesConfiguration {

    @Bean
    Upstreams upstreams(ReportGatewayProperties properties) {
        return Upstreams.from(properties);
    }

    @Bean
    ActiveInstanceFilter activeInstanceFilter(Upstreams upstreams, ApplicationEventPublisher events) {
        return new ActiveInstanceFilter(upstreams, events);
    }

    @Bean
    RouteLocator apiRoutes(RouteLocatorBuilder routes, ReportGatewayProperties properties, Upstreams upstreams) {
        return routes.routes()
                // A chapter's preview (the studio's; render-service renders it) before the content route takes every chapter path.
                .route("preview", route -> route
                        .order(-1)
                        .path("/api/editions/{edition}/chapters/{slug}/preview",
                                // what the render service's accessibility checker found in the chapter and its translations
                                "/api/editions/{edition}/chapters/{slug}/accessibility")
                        .metadata(metadata(Upstream.RENDER, properties))
                        .uri(Upstream.RENDER.uri(upstreams)))
                .route("content", route -> route
                        .path("/api/editions/{edition}/chapters", "/api/editions/{edition}/chapters/**", "/api/editions/{edition}/drafts",
                                "/api/editions/{edition}/translations",
                                // the accounts API (content-service's accounts package)
                                "/api/accounts", "/api/accounts/**", "/api/accounts:*",
                                "/api/me", "/api/me/**", "/api/me:*", "/api/invitations/**",
                                // the editions API (content-service's editions package)
                                "/api/editions", "/api/editions/{edition}", "/api/editions/{edition}:*")
                        .metadata(metadata(Upstream.CONTENT, properties))
                        .uri(Upstream.CONTENT.uri(upstreams)))
                .route("figures", route -> route
                        // indicators:import and datasets:import are custom methods on the collections
                        .path("/api/editions/{edition}/indicators", "/api/editions/{edition}/indicators/**",
                                "/api/editions/{edition}/indicators:*",
                                "/api/editions/{edition}/datasets", "/api/editions/{edition}/datasets/**",
                                "/api/editions/{edition}/datasets:*")
                        .metadata(metadata(Upstream.FIGURES, properties))
                        .uri(Upstream.FIGURES.uri(upstreams)))
                .route("render", route -> route
                        .path("/api/ops", "/api/ops/**")
                        .metadata(metadata(Upstream.RENDER, properties))
                        .uri(Upstream.RENDER.uri(upstreams)))
                .build();
    }

    @Bean
    UpstreamFailureFilter upstreamFailureFilter(ReportGatewayProperties properties, ProblemResponses problems) {
        return new UpstreamFailureFilter(properties.requestTimeout(), problems);
    }

    private static Map<String, Object> metadata(Upstream upstream, ReportGatewayProperties properties) {
        return Map.of(
                Upstream.METADATA_KEY, upstream,
                RESPONSE_TIMEOUT_ATTR, properties.requestTimeout().toMillis(),
                CONNECT_TIMEOUT_ATTR, Math.toIntExact(properties.connectTimeout().toMillis()));
    }
}
