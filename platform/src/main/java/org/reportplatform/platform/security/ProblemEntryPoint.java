package org.reportplatform.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reportplatform.platform.errors.ApiException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A refused bearer token gets the platform's problem JSON (401, naming the problem, never the
 * token), like every other refusal of the API.
 */
public final class ProblemEntryPoint implements ServerAuthenticationEntryPoint {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException refusal) {
        return write(exchange, HttpStatus.UNAUTHORIZED, "the token is not valid: it is unknown, expired or revoked");
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(exchange, status, detail, List.of());
    }

    /** With {@code errors}: the fields the problem is in, as {@code ApiException} names them. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail, List<ApiException.FieldProblem> errors) {
        // The same members, in the same order, as the API's own problems (ApiErrorHandler).
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
