package org.reportplatform.platform.security;

import java.util.Optional;
import org.reportplatform.platform.errors.ApiException;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Lets a controller method take the authenticated {@link Caller} as a parameter (from Spring
 * Security's context); a request without one is refused with 401.
 */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    /**
     * The caller if the request came with a valid token, empty for an anonymous request: for the
     * reads that answer everyone but show signed-in people more.
     */
    public static Mono<Optional<Caller>> optional() {
        return ReactiveSecurityContextHolder.getContext()
                .map(security -> Optional.ofNullable(security.getAuthentication() instanceof CallerAuthentication authentication
                        ? authentication.caller() : null))
                .defaultIfEmpty(Optional.empty());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context, ServerWebExchange exchange) {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(security -> security.getAuthentication() instanceof CallerAuthentication authentication
                        ? authentication.caller() : null)
                .cast(Object.class)
                .switchIfEmpty(Mono.error(() -> ApiException.unauthorized(
                        "this request needs a token: send Authorization: Bearer <token>")));
    }
}
