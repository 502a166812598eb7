package org.reportplatform.gateway.routing;

import java.util.Map;
import org.reportplatform.gateway.errors.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses an API request whose declared body is larger than {@code report.gateway.max-request-body}
 * (5 MB, the largest body a writer takes: figures-service's CSV imports) with a 413 problem,
 * before it is routed.
 *
 * <p>Why here and not only in the writers: a writer refuses an oversized body as soon as it sees
 * its Content-Length and closes the connection (the unread rest must not poison a reused
 * connection); the gateway, still sending the body, then sees the connection break before it
 * could read the answer, and its caller got a 503 "may or may not have been applied" instead of
 * the writer's 413. Bodies streamed without a Content-Length still meet only the writers' limits.
 */
@Component
public class RequestBodyLimit implements WebFilter, Ordered {

    /** Oversized bodies up to this size are read (and dropped) before the 413; larger ones get it at once, and the connection closes. */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private final long maxBytes;
    private final ProblemResponses problems;

    public RequestBodyLimit(@Value("${report.gateway.max-request-body:5MB}") DataSize maxRequestBody, ProblemResponses problems) {
        this.maxBytes = maxRequestBody.toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        String path = exchange.getRequest().getPath().value();
        if (declared > maxBytes && path.startsWith("/api/")) {
            Mono<Void> refusal = Mono.defer(() -> problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "the request body is " + declared
                            + " bytes; the limit is " + maxBytes + " bytes: split it (e.g. import a smaller file)",
                    Map.of("errors", java.util.List.of(Map.of("field", "body", "problem", "larger than " + maxBytes + " bytes"))),
                    declared <= DRAIN_LIMIT ? HttpHeaders.EMPTY : closing()));
            // Answering while the client still sends, then closing, can reset the connection before
            // the client reads the answer: a body up to DRAIN_LIMIT is read and dropped first.
            return declared <= DRAIN_LIMIT ? exchange.getRequest().getBody().doOnNext(DataBufferUtils::release).then(refusal) : refusal;
        }
        return chain.filter(exchange);
    }

    /** The body is not read: the connection cannot carry another request after this answer. */
    private static HttpHeaders closing() {
        HttpHeaders headers = new HttpHeaders();
        headers.setConnection("close");
        return headers;
    }

    /** Before anything reads the body. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
