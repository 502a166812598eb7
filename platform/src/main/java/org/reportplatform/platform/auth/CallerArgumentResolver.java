package org.reportplatform.platform.auth;

import org.springframework.core.MethodParameter;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Lets a controller method take the authenticated {@link Caller} as a parameter; 401 otherwise. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private final TokenAuthenticator authenticator;

    public CallerArgumentResolver(TokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> authenticator.require(exchange.getRequest()));
    }
}
