package org.reportplatform.gateway.signin;

import java.util.Set;
import java.util.function.BiFunction;
import org.reportplatform.gateway.signin.Access.Known;
import org.reportplatform.gateway.signin.Access.Refused;
import org.reportplatform.gateway.ui.UiPages;
import org.reportplatform.platform.auth.Role;
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

    public PageGuard(Access access) {
        this.access = access;
    }

    /**
     * @param page renders the page for the caller; its second argument is the account bar (who is
     *             signed in and the sign-out form, empty for a bearer caller)
     */
    public Mono<ServerResponse> page(ServerRequest request, String path, Set<Role> roles,
            BiFunction<Known, String, Mono<ServerResponse>> page) {
        return access.identify(request.exchange()).flatMap(identity -> {
            if (identity instanceof Refused) {
                return UiPages.respond(HttpStatus.UNAUTHORIZED, UiPages.page("Jeton refusé", "",
                        "<h1>Jeton refusé</h1><p>Le jeton envoyé dans l’en-tête <code>Authorization</code> n’est pas valide.</p>"
                                + "<p><a href=\"/signin?next=" + UiPages.escape(path) + "\">Se connecter</a></p>", null));
            }
            if (!(identity instanceof Known known)) {
                return SignInHandler.redirectToSignIn(path);
            }
            if (!known.fromSession()) {
                String account = "<p class=\"account\"><span class=\"who\">Jeton : <strong>"
                        + UiPages.escape(known.caller().name()) + "</strong></span></p>";
                return known.hasAny(roles) ? page.apply(known, account) : forbidden(known, account, path);
            }
            return request.session().flatMap(session -> {
                String account = UiPages.account(known.caller().name(), CsrfTokens.of(session));
                return known.hasAny(roles) ? page.apply(known, account) : forbidden(known, account, path);
            });
        });
    }

    private static Mono<ServerResponse> forbidden(Known known, String account, String path) {
        return UiPages.respond(HttpStatus.FORBIDDEN, UiPages.page("Accès réservé", account,
                "<h1>Accès réservé</h1><p>Le jeton <strong>" + UiPages.escape(known.caller().name())
                        + "</strong> ne donne pas accès à cette page.</p>"
                        + "<p><a href=\"/signin?next=" + UiPages.escape(path) + "\">Se connecter avec un autre jeton</a></p>", null));
    }
}
