package org.reportplatform.gateway.accounts;

import org.reportplatform.gateway.ui.Account;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.CallerAuthentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Who is looking at an account page, and the CSRF token their forms must carry.
 *
 * @param caller the signed-in person (Spring Security's {@link CallerAuthentication}); null on the
 *               invitation pages, which anyone holding the link may open
 * @param csrf   Spring Security's token for this session: the hidden field of every form
 */
public record Viewer(Caller caller, Csrf csrf) {

    /** A form's hidden CSRF field: its name ({@code _csrf}) and value; empty when no filter issued one. */
    public record Csrf(String parameterName, String token) {

        static final Csrf NONE = new Csrf("_csrf", "");

        public boolean present() {
            return !token.isEmpty();
        }
    }

    /** The signed-in person and the CSRF token; empty when nobody is signed in. */
    public static Mono<Viewer> signedIn(ServerRequest request) {
        return ReactiveSecurityContextHolder.getContext()
                .flatMap(context -> context.getAuthentication() instanceof CallerAuthentication authentication
                        ? Mono.just(authentication.caller()) : Mono.empty())
                .flatMap(caller -> csrf(request).map(csrf -> new Viewer(caller, csrf)));
    }

    /** Anyone (the invitation pages): the caller when there is one, the CSRF token in any case. */
    public static Mono<Viewer> anyone(ServerRequest request) {
        return signedIn(request).switchIfEmpty(Mono.defer(() -> csrf(request).map(csrf -> new Viewer(null, csrf))));
    }

    /**
     * Spring Security's CSRF filter puts a {@code Mono<CsrfToken>} in the exchange; subscribing to
     * it is also what saves a new token in the session, so a page with a form must read it.
     */
    static Mono<Csrf> csrf(ServerRequest request) {
        Mono<CsrfToken> token = request.exchange().getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.just(Csrf.NONE)
                : token.map(t -> new Csrf(t.getParameterName(), t.getToken())).defaultIfEmpty(Csrf.NONE);
    }

    /** Who the header bar names: with the sign-out form for a session, the name alone for an API token. */
    public Account header() {
        if (caller == null) {
            return null;
        }
        return caller.viaToken() ? Account.bearer(caller) : Account.signedIn(caller, csrf.token());
    }

    public boolean isAdmin() {
        return caller != null && caller.isAdmin();
    }
}
