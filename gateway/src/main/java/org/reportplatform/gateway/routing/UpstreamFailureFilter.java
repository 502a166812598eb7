package org.reportplatform.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.reportplatform.gateway.errors.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns "the service could not be reached / did not answer in time / hung up" into a 503
 * problem that names the service, instead of Spring Cloud Gateway's 500 or 504. The detail is
 * truthful about the request's fate: a refused connection means the service never saw it; after
 * a timeout or a broken connection a write may or may not have been applied.
 *
 * <p>Only failures before the response is committed are translated; an answer the service gave,
 * whatever its status, passes through untouched.
 */
class UpstreamFailureFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UpstreamFailureFilter.class);
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final Duration timeout;
    private final ProblemResponses problems;

    UpstreamFailureFilter(Duration timeout, ProblemResponses problems) {
        this.timeout = timeout;
        this.problems = problems;
    }

    /** Around the routing filter and the response writer. */
    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorResume(
                e -> !exchange.getResponse().isCommitted() && Failure.of(e) != null,
                e -> unavailable(exchange, e));
    }

    private Mono<Void> unavailable(ServerWebExchange exchange, Throwable e) {
        String service = Upstream.of(exchange).map(Upstream::serviceName).orElse("upstream service");
        boolean write = !SAFE.contains(exchange.getRequest().getMethod());
        Failure failure = Failure.of(e);
        String detail = switch (failure) {
            case UNREACHABLE -> "the " + service + " is unavailable: it could not be reached, so the request never got to it; try again shortly";
            case TIMEOUT -> "the " + service + " is unavailable: it did not answer within " + format(timeout)
                    + (write ? "; the change may or may not have been applied, check before retrying" : "; try again shortly");
            case BROKEN -> "the " + service + " is unavailable: the connection broke before it answered"
                    + (write ? "; the change may or may not have been applied, check before retrying" : "; try again shortly");
        };
        log.warn("{} {} -> {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), service,
                failure.name().toLowerCase(), rootMessage(e));
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, detail, Map.of("service", service), HttpHeaders.EMPTY);
    }

    private static String format(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    enum Failure {
        /** No connection: refused, unknown host, connect timeout. Nothing was sent. */
        UNREACHABLE,
        /** Connected, but no response headers within the request timeout. */
        TIMEOUT,
        /** Connected, but the connection closed or reset before a response. */
        BROKEN;

        static Failure of(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof ConnectException || cause instanceof UnknownHostException
                        || cause instanceof UnresolvedAddressException) {
                    return UNREACHABLE;
                }
                if (cause instanceof org.springframework.cloud.gateway.support.TimeoutException
                        || cause instanceof java.util.concurrent.TimeoutException) {
                    return TIMEOUT;
                }
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof IOException) {
                    return BROKEN;
                }
            }
            return null;
        }
    }
}
