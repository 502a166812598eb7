package org.reportplatform.gateway.errors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;

/**
 * How the gateway answers what goes wrong, in one format ({@link ProblemResponses}):
 * <ol>
 * <li>the site and the API routing answer their own failures (404, 503) as responses;
 * <li>a request that nothing else handles (not the site, not an API route, not actuator) gets a
 * 404 from the last handler mapping below, as a response, not as an exception;
 * <li>exceptions thrown by a handler meet the {@code @ControllerAdvice} handlers first (WebFlux
 * applies them to functional and gateway handlers too): the platform's {@code ApiErrorHandler}
 * and Spring Boot's problem-details handler (on through {@code platform-defaults.yml}), both
 * writing RFC 9457 problems;
 * <li>whatever is left ends in {@link ProblemErrorWebExceptionHandler}, which replaces Spring
 * Boot's default error handler (500, logged, never a stack trace in the answer).
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
public class ErrorsConfiguration {

    /**
     * After every other mapping (the site's routes, Spring Cloud Gateway's routes, actuator). Its
     * router function is deliberately not a bean: the main router function mapping would pick it
     * up and answer 404 before the gateway routes are even looked at.
     */
    @Bean
    HandlerMapping notFoundMapping(ProblemResponses problems, ServerCodecConfigurer codecs) {
        RouterFunction<ServerResponse> notFound = RouterFunctions.route(RequestPredicates.all(), request ->
                problems.response(request.exchange(), HttpStatus.NOT_FOUND, request.path().startsWith("/api/")
                        ? "no API resource at " + request.path()
                        : "nothing is published at " + request.path()));
        RouterFunctionMapping mapping = new RouterFunctionMapping(notFound);
        mapping.setMessageReaders(codecs.getReaders());
        mapping.setOrder(Ordered.LOWEST_PRECEDENCE);
        return mapping;
    }
}
