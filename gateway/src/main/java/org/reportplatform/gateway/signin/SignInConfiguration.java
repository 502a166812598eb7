package org.reportplatform.gateway.signin;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import org.reportplatform.gateway.ui.UiPages;
import org.reportplatform.platform.auth.TokenAuthenticator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Signing in ({@code /signin}, {@code /signout}) and the operations page ({@code /ops}, a
 * placeholder until the dashboard exists). Public pages, the API routes and actuator do not
 * look at sessions at all.
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
    RouterFunction<ServerResponse> signInRoutes(Access access, PageGuard guard, SignInProperties properties) {
        SignInHandler signIn = new SignInHandler(access, properties);
        return RouterFunctions.route()
                .route(GET("/signin"), signIn::form)
                .route(POST("/signin"), signIn::signIn)
                .route(POST("/signout"), signIn::signOut)
                .route(GET("/ops"), request -> guard.page(request, "/ops", Access.OPS_ROLES, (known, account) ->
                        UiPages.respond(HttpStatus.OK, UiPages.page("Opérations", account, """
                                <h1>Opérations</h1>
                                <p>Le tableau de bord des opérations est en préparation.</p>
                                <ul>
                                <li><a href="/live">Reconstructions en direct</a></li>
                                <li><a href="/actuator/health">État de la passerelle</a> (<code>/actuator/health</code>)</li>
                                <li>Reconstruction complète du site : <code>POST /api/ops/rebuild</code> avec un jeton d’opérateur</li>
                                </ul>""", null))))
                .build();
    }
}
