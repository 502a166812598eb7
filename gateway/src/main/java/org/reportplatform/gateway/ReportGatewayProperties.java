package org.reportplatform.gateway;

import java.net.URI;
import java.util.List;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the gateway routes the API, and how long it waits. Set by environment in run.sh and
 * docker-compose: {@code REPORT_GATEWAY_CONTENT_URI}, {@code REPORT_GATEWAY_FIGURES_URI},
 * {@code REPORT_GATEWAY_RENDER_URI}, {@code REPORT_GATEWAY_REQUEST_TIMEOUT},
 * {@code REPORT_GATEWAY_CONNECT_TIMEOUT}.
 *
 * @param contentUri     the content service (chapters): scheme, host and port, no path; several
 *                       (comma-separated) when it runs as an active writer and standbys: the
 *                       gateway sends each request to the active one ({@code ServiceInstances})
 * @param figuresUri     the figures service (indicators, datasets), one or several like contentUri
 * @param renderUri      the render service (previews, accessibility checks, operations), one or
 *                       several like contentUri: instances sharing the outputs are all complete
 *                       for these requests, so one that cannot be reached is passed over
 * @param requestTimeout how long a routed request may wait for the service's response headers
 *                       before the caller gets a 503
 * @param connectTimeout how long to wait for a TCP connection to a service
 */
@ConfigurationProperties("report.gateway")
public record ReportGatewayProperties(
        @DefaultValue("http://localhost:8081") List<URI> contentUri,
        @DefaultValue("http://localhost:8082") List<URI> figuresUri,
        @DefaultValue("http://localhost:8083") List<URI> renderUri,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("2s") Duration connectTimeout) {

    public ReportGatewayProperties {
        contentUri = requireServiceUris("content-uri", contentUri);
        figuresUri = requireServiceUris("figures-uri", figuresUri);
        renderUri = requireServiceUris("render-uri", renderUri);
        requirePositive("request-timeout", requestTimeout);
        requirePositive("connect-timeout", connectTimeout);
    }

    private static List<URI> requireServiceUris(String name, List<URI> uris) {
        if (uris == null || uris.isEmpty()) {
            throw new IllegalArgumentException("report.gateway." + name + " must name at least one instance, such as http://localhost:8081");
        }
        uris.forEach(uri -> requireServiceUri(name, uri));
        return List.copyOf(uris);
    }

    private static void requireServiceUri(String name, URI uri) {
        boolean http = uri != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        if (!http || uri.getHost() == null) {
            throw new IllegalArgumentException("report.gateway." + name + " must be an absolute http(s) URI such as http://localhost:8081, got " + uri);
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException("report.gateway." + name + " must not have a path (API paths are passed unchanged), got " + uri);
        }
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("report.gateway." + name + " must be positive, got " + duration);
        }
    }
}
