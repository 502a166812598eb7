package org.reportplatform.gateway.errors;

import java.util.HashMap;
import java.util.Map;
import org.reportplatform.platform.errors.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The last word on any error no handler answered itself: unknown paths (404), methods a path
 * does not take (405), Spring Cloud Gateway errors other than an unavailable service, and
 * unexpected failures (500, logged with their stack trace, never shown). Replaces Spring Boot's
 * default handler, so no request ever gets Boot's own error JSON or an HTML stack trace; the
 * body is the same problem document as everywhere else ({@link ProblemResponses}).
 *
 * <p>Order of the error handling in the gateway: the site and the routing answer their own
 * errors as responses; exceptions from any handler first meet the {@code @ControllerAdvice}
 * handlers (the platform's {@code ApiErrorHandler} for {@link ApiException}; WebFlux applies them
 * to functional and gateway handlers too), which write the same format; what is left ends here.
 */
@Component
public class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

    private final ProblemResponses problems;

    public ProblemErrorWebExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        // Before Spring Boot's handler (-1) and Spring's WebFluxResponseStatusExceptionHandler (0).
        return -2;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        String path = exchange.getRequest().getPath().value();
        HttpHeaders headers = new HttpHeaders();
        Map<String, Object> properties = new HashMap<>();
        HttpStatusCode status;
        String detail;
        if (error instanceof ApiException e) {
            status = e.status();
            detail = e.getMessage();
            if (!e.errors().isEmpty()) {
                properties.put("errors", e.errors());
            }
            properties.putAll(e.properties());
            if (e.status() == HttpStatus.UNAUTHORIZED) {
                headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
        } else if (error instanceof ErrorResponse e) {
            status = e.getStatusCode();
            headers.addAll(e.getHeaders());
            detail = switch (status.value()) {
                case 404 -> "nothing is published at " + path;
                case 405 -> "this method is not allowed on " + path;
                default -> e.getBody().getDetail() != null ? e.getBody().getDetail()
                        : HttpStatus.valueOf(status.value()).getReasonPhrase();
            };
        } else {
            log.error("{}{} {} failed", exchange.getLogPrefix(), exchange.getRequest().getMethod(), path, error);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            detail = "the gateway failed to handle this request; the error was logged";
        }
        return problems.write(exchange, status, detail, properties, headers);
    }
}
