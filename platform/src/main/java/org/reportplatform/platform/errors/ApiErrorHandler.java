package org.reportplatform.platform.errors;

import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.reportplatform.platform.log.LogUnavailableException;
import org.reportplatform.platform.log.NotTheActiveWriterException;
import org.reportplatform.platform.log.WriteOutcomeUnknownException;

/**
 * Turns every refusal into the platform's one JSON error format (RFC 9457 problem details).
 * Ordered first so it wins over Spring's generic problem-details advice for the cases it knows.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);
    /** On a standby's refusal: {@code Report-Writer: standby} (the gateway then tries another instance). */
    public static final String WRITER_HEADER = "Report-Writer";
    public static final String WRITER_STANDBY = "standby";

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ProblemDetail> refused(ApiException e, ServerWebExchange exchange) {
        ProblemDetail problem = problem(e.status(), e.getMessage(), exchange);
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        e.properties().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (e.status() == HttpStatus.CONTENT_TOO_LARGE) {
            // The rest of the body was never read: a client that reused this connection would
            // have its next request parsed out of the tail of this one, or wait on it forever.
            response.header(HttpHeaders.CONNECTION, "close");
        }
        return response.body(problem);
    }

    /** Unreadable bodies: malformed or truncated JSON, wrong types, bad UTF-8. */
    @ExceptionHandler(ServerWebInputException.class)
    public ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e, ServerWebExchange exchange) {
        String reason = rootMessage(e);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "request body is not valid: " + reason, exchange);
        problem.setProperty("errors", List.of(new ApiException.FieldProblem("body", reason)));
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A standby instance of a writer: nothing was saved, another instance takes the writes. The
     * header tells the gateway to send the request on to the next instance.
     */
    @ExceptionHandler(NotTheActiveWriterException.class)
    public ResponseEntity<ProblemDetail> standby(NotTheActiveWriterException e, ServerWebExchange exchange) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "La modification n'a pas été enregistrée : cette"
                + " instance du service est en attente, une autre instance enregistre les modifications. Réessayez dans un instant.",
                exchange);
        problem.setProperty("writer", WRITER_STANDBY);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .header(WRITER_HEADER, WRITER_STANDBY)
                .body(problem);
    }

    @ExceptionHandler(LogUnavailableException.class)
    public ResponseEntity<ProblemDetail> unavailable(LogUnavailableException e, ServerWebExchange exchange) {
        log.warn("write refused, the event log is unavailable: {}", e.getMessage());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE,
                "the change was not saved: the event log (Kafka) is unavailable; try again shortly", exchange);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    /** Kafka took the change but did not confirm its commit: saying "not saved" could be false. */
    @ExceptionHandler(WriteOutcomeUnknownException.class)
    public ResponseEntity<ProblemDetail> outcomeUnknown(WriteOutcomeUnknownException e, ServerWebExchange exchange) {
        log.warn("write outcome unknown: {}", e.getMessage());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "the event log (Kafka) did not confirm the change in time: it"
                + " may or may not have been applied; read it again before retrying", exchange);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String detail, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        return problem;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause instanceof DecodingException) {
                break;
            }
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        // Jackson appends the source location and a description of the input; keep the first line.
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline).strip() : message.strip();
    }
}
