package org.reportplatform.gateway.security;

import java.util.Optional;
import org.reportplatform.gateway.ui.Account;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.CallerAuthentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Who is asking, for the gateway's own handlers: Spring Security's context, nothing else. */
public final class CurrentPerson {

    private CurrentPerson() {
    }

    /** The signed-in person (session or token) of this request; empty for nobody. */
    public static Mono<Optional<Caller>> caller() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication() instanceof CallerAuthentication authentication
                        ? Optional.of(authentication.caller()) : Optional.<Caller>empty())
                .defaultIfEmpty(Optional.empty());
    }

    /** The form token of Spring Security's CSRF protection for this request (masked, as forms and scripts send it). */
    public static Mono<String> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.just("") : token.map(CsrfToken::getToken).defaultIfEmpty("");
    }

    /**
     * Who a page's header bar names: a person signed in with a browser session, with the sign-out
     * form (and its CSRF token), or a person calling with a token (no session to end).
     */
    public static Mono<Account> account(ServerWebExchange exchange) {
        return caller().flatMap(caller -> {
            if (caller.isEmpty()) {
                return Mono.empty();
            }
            return caller.get().viaToken() ? Mono.just(Account.bearer(caller.get()))
                    : csrfToken(exchange).map(csrf -> Account.signedIn(caller.get(), csrf));
        });
    }
}
