package org.reportplatform.gateway.security;

import org.reportplatform.gateway.accounts.AccountsClient;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

import java.time.Clock;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.reportplatform.gateway.ui.UiPages;
import org.reportplatform.platform.security.CallerAssertions;
import org.reportplatform.platform.security.DemoTokens;
import org.reportplatform.platform.security.ProblemEntryPoint;
import org.reportplatform.platform.security.SecondFactors;
import org.reportplatform.gateway.oidc.OidcSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The gateway signs people in, with Spring Security (WebFlux): the chain {@code gatewaySecurity}
 * (which makes the services' own chain, {@code ServiceSecurityConfiguration}, stand down here),
 * applied only to the sign-in, the reserved pages and the API ({@link AccessRules#SECURED}): the
 * public report, {@code /ui/} and actuator never meet it.
 * <ul>
 * <li>who: a browser session in Kafka ({@link KafkaSessions}), or {@code Authorization: Bearer}
 * with a personal or demo token (the resource server, {@link BearerTokens}; 401 problem when
 * refused);
 * <li>form login at {@code /signin} against the {@link AccountsView} (bcrypt), throttled
 * ({@link SignInThrottle}), with a second step for a second factor ({@link SignInPages});
 * <li>CSRF: Spring Security's, the token's secret in an {@code HttpOnly} cookie (so any replica
 * can check it), the masked token in forms ({@code _csrf}) and scripts ({@code X-CSRF-TOKEN}); a
 * request with a bearer token needs none (no cookie speaks for it), nor an API request without
 * the session cookie (nobody to impersonate);
 * <li>sign-out: {@code POST /signout}, the session's tombstone, the cookie expired;
 * <li>who may open what: {@link AccessRules}; the API is relayed with the gateway's assertion
 * ({@link CallerRelay}).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class GatewaySecurityConfiguration {

    static final String CSRF_COOKIE = "XSRF-TOKEN";
    static final String CSRF_HEADER = "X-CSRF-TOKEN";

    @Bean
    AccountsView accountsView(ConsumerFactory<?, ?> consumers, Admin observabilityAdmin) {
        return new AccountsView(consumers, observabilityAdmin);
    }

    @Bean
    PersonalTokensView personalTokensView(ConsumerFactory<?, ?> consumers, Admin observabilityAdmin) {
        return new PersonalTokensView(consumers, observabilityAdmin);
    }

    @Bean
    SessionsView sessionsView(ConsumerFactory<?, ?> consumers, Admin observabilityAdmin) {
        return new SessionsView(consumers, observabilityAdmin);
    }

    /** Ready once the accounts, tokens and sessions are read (like the site view): nobody is refused for a view still loading. */
    @Bean
    ApplicationRunner awaitSecurityViews(AccountsView accounts, PersonalTokensView tokens, SessionsView sessions) {
        return arguments -> {
            accounts.awaitCaughtUp();
            tokens.awaitCaughtUp();
            sessions.awaitCaughtUp();
        };
    }

    @Bean
    KafkaSessions kafkaSessions(SessionsView sessions, AccountsView accounts, KafkaTemplate<?, ?> kafka,
            GatewaySecurityProperties properties, Environment environment, Clock clock) {
        // Outside the demo profile, admins and operators must have a second factor.
        boolean secondFactorRequired = !environment.acceptsProfiles(Profiles.of("demo"));
        return new KafkaSessions(sessions, accounts, kafka, properties, secondFactorRequired, clock);
    }

    @Bean
    BearerTokens bearerTokens(PersonalTokensView tokens, AccountsView accounts, DemoTokens demoTokens, Clock clock) {
        return new BearerTokens(tokens, accounts, demoTokens, clock);
    }

    @Bean
    SignInThrottle signInThrottle(GatewaySecurityProperties properties) {
        return new SignInThrottle(properties.bruteForce());
    }

    @Bean
    CookieServerCsrfTokenRepository csrfTokenRepository() {
        // HttpOnly: scripts take the token from the page, never from the cookie.
        CookieServerCsrfTokenRepository repository = new CookieServerCsrfTokenRepository();
        repository.setCookieName(CSRF_COOKIE);
        repository.setHeaderName(CSRF_HEADER);
        repository.setParameterName("_csrf");
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        return repository;
    }

    @Bean
    AccountWritesSeen accountWritesSeen(AccountsView accounts, PersonalTokensView tokens) {
        return new AccountWritesSeen(accounts, tokens);
    }

    @Bean
    CallerRelay callerRelay(CallerAssertions assertions) {
        return new CallerRelay(assertions);
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, AccountsView accounts, KafkaSessions sessions,
            BearerTokens bearerTokens, SignInThrottle throttle, CookieServerCsrfTokenRepository csrfTokens,
            GatewaySecurityProperties properties, ObjectProvider<OidcSignIn> identityProvider) {
        UserDetailsRepositoryReactiveAuthenticationManager passwords = new UserDetailsRepositoryReactiveAuthenticationManager(accounts);
        passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        OidcSignIn oidc = identityProvider.getIfAvailable();
        SignInOutcomes outcomes = new SignInOutcomes(throttle, csrfTokens, properties, providerLink(oidc));
        SecurityContextServerLogoutHandler endSession = new SecurityContextServerLogoutHandler();
        endSession.setSecurityContextRepository(sessions);
        ProblemEntryPoint problems = new ProblemEntryPoint();
        if (oidc != null) {
            // The organisation's identity provider: Spring Security's OAuth 2.0 login; the session
            // that follows is ours (in Kafka), of the account the provider's person maps to.
            http.oauth2Login(login -> login
                    .securityContextRepository(sessions)
                    .authenticationSuccessHandler(outcomes.success())
                    .authenticationFailureHandler(SignInOutcomes.providerRefused()));
        }
        return http
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers(AccessRules.SECURED))
                .securityContextRepository(sessions)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                // The pages set their own Cache-Control (no-store), the services theirs.
                .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        // The studio's file forms (CSV imports) are multipart: their _csrf field counts too.
                        .csrfTokenRequestHandler(multipartAware())
                        .requireCsrfProtectionMatcher(GatewaySecurityConfiguration::needsCsrfToken)
                        .accessDeniedHandler(csrfRefused()))
                .formLogin(form -> form
                        .loginPage("/signin")
                        .authenticationManager(passwords)
                        .securityContextRepository(sessions)
                        .authenticationSuccessHandler(outcomes.success())
                        .authenticationFailureHandler(outcomes.failure()))
                .addFilterBefore(outcomes.throttleFilter(), SecurityWebFiltersOrder.FORM_LOGIN)
                .logout(logout -> logout
                        .logoutUrl("/signout")
                        .logoutHandler(handlers -> {
                            handlers.removeIf(handler -> handler instanceof SecurityContextServerLogoutHandler);
                            handlers.add(0, endSession);
                        })
                        .logoutSuccessHandler(SignInOutcomes.signedOut()))
                .oauth2ResourceServer(resource -> resource
                        .authenticationManagerResolver(exchange -> reactor.core.publisher.Mono.just(bearerTokens))
                        .authenticationEntryPoint(problems))
                .authorizeExchange(AccessRules::authorize)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(AccessRules.entryPoint())
                        .accessDeniedHandler(AccessRules.deniedHandler()))
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> signInRoutes(AccountsView accounts, KafkaSessions sessions, SecondFactors secondFactors,
            SignInThrottle throttle, GatewaySecurityProperties properties,
            AccountsClient accountsApi, ObjectProvider<OidcSignIn> identityProvider) {
        SignInPages pages = new SignInPages(accounts, sessions, secondFactors, throttle, properties,
                accountsApi, providerLink(identityProvider.getIfAvailable()));
        return RouterFunctions.route()
                .route(GET("/signin"), pages::form)
                .route(GET("/signin/code"), pages::codeForm)
                .route(POST("/signin/code"), pages::code)
                .build();
    }

    private static SignInForm.ProviderLink providerLink(OidcSignIn oidc) {
        return oidc == null ? null : new SignInForm.ProviderLink(oidc.label(), oidc.startPath());
    }

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    /**
     * Unsafe requests that a browser's cookies could speak for: not those with their own
     * {@code Authorization} (a page cannot make a browser send one cross-site), nor API requests
     * without the session cookie. The sign-in form itself is covered (no login CSRF).
     */
    private static reactor.core.publisher.Mono<ServerWebExchangeMatcher.MatchResult> needsCsrfToken(
            org.springframework.web.server.ServerWebExchange exchange) {
        var request = exchange.getRequest();
        boolean needed = !SAFE.contains(request.getMethod())
                && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                && (!AccessRules.isApi(exchange) || request.getCookies().containsKey(KafkaSessions.COOKIE));
        return needed ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    /**
     * Spring Security's default handler (the token masked anew for each request), also reading the
     * {@code _csrf} field of a multipart form: the studio's CSV imports send a file.
     */
    private static org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler multipartAware() {
        var handler = new org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler();
        handler.setTokenFromMultipartDataEnabled(true);
        return handler;
    }

    private static ServerAccessDeniedHandler csrfRefused() {
        byte[] page = UiPages.render("form-expired.jte", java.util.Map.of());
        return (exchange, denied) -> AccessRules.isApi(exchange)
                ? ProblemEntryPoint.write(exchange, HttpStatus.FORBIDDEN, "this request comes with a signed-in session but without"
                        + " its CSRF token (" + CSRF_HEADER + "), or with a wrong one; reload the page and try again")
                : UiPages.write(exchange, HttpStatus.FORBIDDEN, page);
    }
}
