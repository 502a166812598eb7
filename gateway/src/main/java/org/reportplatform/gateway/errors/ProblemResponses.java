package org.reportplatform.gateway.errors;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.util.HtmlUtils;
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

    private static String page(int status, String path) {
        String title;
        String message;
        if (status == HttpStatus.NOT_FOUND.value()) {
            title = "Page introuvable";
            message = "Aucune page n’est publiée à l’adresse <code>" + HtmlUtils.htmlEscape(path) + "</code>.";
        } else if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            title = "Rapport momentanément indisponible";
            message = "Le rapport est en cours de chargement. Réessayez dans quelques secondes.";
        } else {
            title = "Erreur " + status;
            message = "La page n’a pas pu être affichée.";
        }
        return """
                <!doctype html>
                <html lang="fr">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title></head>
                <body><main><h1>%s</h1><p>%s</p><p><a href="/">Aller au rapport</a></p></main></body>
                </html>
                """.formatted(title, title, message);
    }
}
