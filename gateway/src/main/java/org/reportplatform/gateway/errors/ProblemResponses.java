package org.reportplatform.gateway.errors;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reportplatform.gateway.ui.UiPages;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's one error format, the platform's: an RFC 9457 problem document
 * ({@code application/problem+json}: type, title, status, detail, instance, plus extra members),
 * as {@code ApiErrorHandler} writes it in the other services. Browsers asking for a page outside
 * {@code /api/} ({@code Accept} names {@code text/html}) get a small French HTML page with the
 * same status instead. A 503 carries {@code Retry-After}. Errors are never cached.
 */
@Component
public class ProblemResponses {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final ServerResponse.Context context;
    /** The pages that do not name the path, by status: each rendered once. */
    private final Map<Integer, byte[]> staticPages = new ConcurrentHashMap<>();

    public ProblemResponses(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    public Mono<ServerResponse> response(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        return response(exchange, status, detail, Map.of(), HttpHeaders.EMPTY);
    }

    /** The answer to a request that failed, for a handler to return. */
    public Mono<ServerResponse> response(ServerWebExchange exchange, HttpStatusCode status, String detail,
            Map<String, Object> properties, HttpHeaders headers) {
        String path = exchange.getRequest().getPath().value();
        ServerResponse.BodyBuilder response = ServerResponse.status(status)
                .headers(h -> h.addAll(headers))
                .cacheControl(CacheControl.noStore());
        if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (wantsHtmlPage(exchange, path)) {
            return response.contentType(HTML).bodyValue(page(status.value(), path));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        properties.forEach(problem::setProperty);
        try {
            problem.setInstance(URI.create(path));
        } catch (IllegalArgumentException e) {
            // a path that is not a valid URI reference: no instance member
        }
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(problem);
    }

    /** Writes the answer to a request that failed, for a filter or exception handler. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail,
            Map<String, Object> properties, HttpHeaders headers) {
        exchange.getResponse().getHeaders().clear();
        return response(exchange, status, detail, properties, headers)
                .flatMap(response -> response.writeTo(exchange, context));
    }

    private static boolean wantsHtmlPage(ServerWebExchange exchange, String path) {
        if (path.equals("/api") || path.startsWith("/api/")) {
            return false;
        }
        try {
            return exchange.getRequest().getHeaders().getAccept().stream()
                    .anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** The HTML page of a failed request (template {@code error.jte}); only a 404's names the path. */
    private byte[] page(int status, String path) {
        if (status == HttpStatus.NOT_FOUND.value()) {
            return UiPages.render("error.jte", Map.of("status", status, "path", path));
        }
        return staticPages.computeIfAbsent(status, code -> UiPages.render("error.jte", Map.of("status", code, "path", "")));
    }
}
