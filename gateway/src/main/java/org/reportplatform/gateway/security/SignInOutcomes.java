package org.reportplatform.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.reportplatform.gateway.ui.UiPages;
import org.reportplatform.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * What follows Spring Security's form login at {@code POST /signin}:
 * <ul>
 * <li>before it ({@link #throttleFilter}): an email or an address with too many failures is
 * refused (429, {@code Retry-After}, a French page) without looking at the password;
 * <li>on success: a new CSRF token (the one seen before signing in is worth nothing after), then
 * 303 to the second-factor step, to the enrolment of a second factor (an admin or operator who
 * has none, outside the demo profile), or to the page asked for;
 * <li>on failure: the failure counted, the answer held until {@code failure-answer-in} after the
 * request arrived (an unknown email, with no hash to compare, takes as long as a wrong password),
 * and the form again with one message whatever went wrong (unknown email, wrong password,
 * disabled account, no password yet): it never tells whether the email exists.
 * </ul>
 */
final class SignInOutcomes {

    private static final Logger log = LoggerFactory.getLogger(SignInOutcomes.class);
    static final String REFUSED = "Adresse e-mail ou mot de passe incorrect.";
    private static final String STARTED = SignInOutcomes.class.getName() + ".started";

    private final SignInThrottle throttle;
    private final ServerCsrfTokenRepository csrfTokens;
    private final GatewaySecurityProperties properties;

    private final SignInForm.ProviderLink provider;

    SignInOutcomes(SignInThrottle throttle, ServerCsrfTokenRepository csrfTokens, GatewaySecurityProperties properties,
            SignInForm.ProviderLink provider) {
        this.provider = provider;
        this.throttle = throttle;
        this.csrfTokens = csrfTokens;
        this.properties = properties;
    }

    /** Runs before the form login filter, on {@code POST /signin} only. */
    WebFilter throttleFilter() {
        return (exchange, chain) -> {
            ServerHttpRequest request = exchange.getRequest();
            if (!"POST".equals(request.getMethod().name()) || !"/signin".equals(request.getPath().pathWithinApplication().value())) {
                return chain.filter(exchange);
            }
            exchange.getAttributes().put(STARTED, System.nanoTime());
            return exchange.getFormData().flatMap(form -> {
                Optional<Duration> locked = throttle.lockedFor(form.getFirst("username"), KafkaSessions.remoteAddress(exchange));
                if (locked.isPresent()) {
                    log.info("sign-in refused from {}: too many failures", KafkaSessions.remoteAddress(exchange));
                    return writeTooManyAttempts(exchange, locked.get());
                }
                return chain.filter(exchange);
            });
        };
    }

    ServerAuthenticationSuccessHandler success() {
        return (webFilterExchange, authentication) -> {
            ServerWebExchange exchange = webFilterExchange.getExchange();
            AccountPrincipal user = (AccountPrincipal) authentication.getPrincipal();
            SignedInSession session = SignedInSession.of(exchange);
            return Mono.zip(exchange.getFormData(), csrfTokens.saveToken(exchange, null).thenReturn(true)).flatMap(form -> {
                String next = NextPage.safe(form.getT1().getFirst("next"));
                String location;
                if (session != null && session.secondFactorPending()) {
                    location = "/signin/code" + (next == null ? "" : "?next=" + next);
                } else if (session != null && session.enrolmentRequired()) {
                    location = "/account/second-factor";
                } else {
                    location = next != null ? next : defaultPage(authentication);
                }
                log.info("account {} signed in from {}", user.accountId(), KafkaSessions.remoteAddress(exchange));
                return seeOther(exchange, location);
            });
        };
    }

    /** The identity provider's sign-in refused (no mapping, an email taken by a password account): the form, saying so. */
    static ServerAuthenticationFailureHandler providerRefused() {
        return (webFilterExchange, refusal) -> {
            log.info("identity provider sign-in refused: {}", refusal.getMessage());
            return seeOther(webFilterExchange.getExchange(), "/signin?providerRefused");
        };
    }

    ServerAuthenticationFailureHandler failure() {
        return (webFilterExchange, refusal) -> {
            ServerWebExchange exchange = webFilterExchange.getExchange();
            String address = KafkaSessions.remoteAddress(exchange);
            return exchange.getFormData().flatMap(form -> {
                throttle.failed(form.getFirst("username"), address);
                log.info("sign-in refused from {}: {}", address, reason(refusal));
                Long started = exchange.getAttribute(STARTED);
                return delayUntil(started == null ? System.nanoTime() : started, properties.bruteForce().failureAnswerIn())
                        .then(CurrentPerson.csrfToken(exchange))
                        .flatMap(csrf -> UiPages.write(exchange, HttpStatus.UNAUTHORIZED, UiPages.render("signin.jte",
                                Map.of("form", new SignInForm(csrf, NextPage.safe(form.getFirst("next")), REFUSED, null, false, provider)))));
            });
        };
    }

    static ServerLogoutSuccessHandler signedOut() {
        return (webFilterExchange, authentication) -> seeOther(webFilterExchange.getExchange(), "/signin?signedOut");
    }

    /** Completes {@code answerIn} after {@code startedNanos}, at once if that has passed. */
    static Mono<Void> delayUntil(long startedNanos, Duration answerIn) {
        long left = answerIn.toNanos() - (System.nanoTime() - startedNanos);
        return left <= 0 ? Mono.empty() : Mono.delay(Duration.ofNanos(left)).then();
    }

    static Mono<ServerResponse> tooManyAttempts(Duration retryAfter) {
        return UiPages.respond(HttpStatus.TOO_MANY_REQUESTS, tooManyAttemptsPage(retryAfter),
                headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter))));
    }

    static Mono<Void> writeTooManyAttempts(ServerWebExchange exchange, Duration retryAfter) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
        return UiPages.write(exchange, HttpStatus.TOO_MANY_REQUESTS, tooManyAttemptsPage(retryAfter));
    }

    private static byte[] tooManyAttemptsPage(Duration retryAfter) {
        return UiPages.render("too-many-attempts.jte", Map.of("minutes", Long.toString(Math.max(1, (seconds(retryAfter) + 59) / 60))));
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    private static String defaultPage(Authentication authentication) {
        boolean pages = authentication.getAuthorities().stream().anyMatch(authority -> authority.getAuthority().equals(Role.WEBTEAM.authority())
                || authority.getAuthority().equals(Role.OPERATOR.authority()) || authority.getAuthority().equals(Role.ADMIN.authority()));
        return pages ? "/live" : "/account";
    }

    private static String reason(AuthenticationException refusal) {
        return refusal.getClass().getSimpleName();
    }

    static Mono<Void> seeOther(ServerWebExchange exchange, String location) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.SEE_OTHER);
        response.getHeaders().setLocation(URI.create(location));
        response.getHeaders().setCacheControl(CacheControl.noStore());
        return response.setComplete();
    }
}
