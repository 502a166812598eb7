package org.reportplatform.gateway.signin;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.reportplatform.gateway.signin.Access.Known;
import org.reportplatform.gateway.signin.Access.Refused;
import org.reportplatform.gateway.ui.Account;
import org.reportplatform.gateway.ui.UiPages;
import org.reportplatform.platform.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Guards a browser page that needs a role: a caller with the role (bearer token or signed-in
 * session) gets the page; nobody known is sent to the sign-in form (303, coming back here after);
 * a caller without the role gets a 403 page that offers to sign in with another token.
 */
public final class PageGuard {

    private final Access access;
    /** The refusal of a bad bearer token names only the guarded path: rendered once per path. */
    private final Map<String, byte[]> tokenRefused = new ConcurrentHashMap<>();

    public PageGuard(Access access) {
        this.access = access;
    }

    /**
     * @param page renders the page for the caller; its second argument is who the header bar names
     *             (with the sign-out form for a signed-in session)
     */
    public Mono<ServerResponse> page(ServerRequest request, String path, Set<Role> roles,
            BiFunction<Known, Account, Mono<ServerResponse>> page) {
        return access.identify(request.exchange()).flatMap(identity -> {
            if (identity instanceof Refused) {
                return UiPages.respond(HttpStatus.UNAUTHORIZED,
                        tokenRefused.computeIfAbsent(path, guarded -> UiPages.render("token-refused.jte", Map.of("path", guarded))));
            }
            if (!(identity instanceof Known known)) {
                return SignInHandler.redirectToSignIn(path);
            }
            Mono<Account> account = known.fromSession()
                    ? request.session().map(session -> Account.signedIn(known.caller().name(), CsrfTokens.of(session)))
                    : Mono.just(Account.bearer(known.caller().name()));
            return account.flatMap(shown -> known.hasAny(roles) ? page.apply(known, shown) : forbidden(shown, path));
        });
    }

    private static Mono<ServerResponse> forbidden(Account account, String path) {
        return UiPages.respond(HttpStatus.FORBIDDEN, UiPages.render("forbidden.jte", Map.of("account", account, "path", path)));
    }
}
