package org.reportplatform.gateway.signin;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import org.reportplatform.gateway.errors.ProblemResponses;
import org.reportplatform.platform.auth.TokenAuthenticator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Signing in ({@code /signin}, {@code /signout}), and the relay of an operator's session to the
 * render service's operator endpoints ({@link OperatorSessionRelay}). Public pages and actuator
 * do not look at sessions at all; the API routes only to drop the session cookie and, for
 * {@code /api/ops/**}, to relay an operator's session.
 */
@Configuration(proxyBeanMethods = false)
public class SignInConfiguration {

    @Bean
    Access access(TokenAuthenticator tokens) {
        return new Access(tokens);
    }

    @Bean
    PageGuard pageGuard(Access access) {
        return new PageGuard(access);
    }

    @Bean
    OperatorSessionRelay operatorSessionRelay(Environment environment, ProblemResponses problems) {
        return new OperatorSessionRelay(environment.getProperty("server.reactive.session.cookie.name", "SESSION"), problems);
    }

    @Bean
    RouterFunction<ServerResponse> signInRoutes(Access access, PageGuard guard, SignInProperties properties) {
        SignInHandler signIn = new SignInHandler(access, properties);
        return RouterFunctions.route()
                .route(GET("/signin"), signIn::form)
                .route(POST("/signin"), signIn::signIn)
                .route(POST("/signout"), signIn::signOut)
                .build();
    }
}
