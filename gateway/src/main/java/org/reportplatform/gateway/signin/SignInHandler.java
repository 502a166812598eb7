package org.reportplatform.gateway.signin;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.reportplatform.gateway.ui.UiPages;
import org.reportplatform.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Signing in to the browser pages with the same token as the API: {@code GET /signin} shows the
 * form, {@code POST /signin} checks the CSRF token, then the pasted token
 * ({@link org.reportplatform.platform.auth.TokenAuthenticator}); a valid token for a role that has
 * pages (web team, operator, admin) gets a new session id holding its {@link Caller} (never the
 * token) and a new CSRF token, and goes on to the page it came for. {@code POST /signout} (CSRF
 * checked) ends the session.
 *
 * <p>The session is WebFlux's {@link WebSession}, in memory, identified by a cookie that is
 * {@code HttpOnly}, {@code SameSite=Strict} and {@code Secure} (see application.yml). Tokens are
 * never logged; sign-ins are, by token name.
 */
public final class SignInHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInHandler.class);

    /** The pages a sign-in may return to: anything else would make the form an open redirect. */
    private static final Set<String> NEXT_PAGES = Set.of("/live", "/ops");
    private static final String DEFAULT_NEXT = "/live";
    /** The same for everyone: rendered once. */
    private static final byte[] FORM_EXPIRED = UiPages.render("form-expired.jte", Map.of());

    private final Access access;
    private final SignInProperties properties;

    public SignInHandler(Access access, SignInProperties properties) {
        this.access = access;
        this.properties = properties;
    }

    /** 303 to the sign-in form, coming back to {@code path} afterwards. */
    public static Mono<ServerResponse> redirectToSignIn(String path) {
        return ServerResponse.seeOther(URI.create("/signin?next=" + path)).cacheControl(CacheControl.noStore()).build();
    }

    /** {@code GET /signin}. */
    public Mono<ServerResponse> form(ServerRequest request) {
        String next = safeNext(request.queryParam("next").orElse(null));
        boolean signedOut = request.queryParams().containsKey("signedOut");
        return request.session().flatMap(session -> {
            Caller caller = session.getAttribute(Access.CALLER_ATTRIBUTE);
            if (caller == null) {
                session.setMaxIdleTime(properties.anonymousTimeout());
            }
            return UiPages.respond(HttpStatus.OK, page(session, next, null, caller, signedOut));
        });
    }

    /** {@code POST /signin}: form fields {@code _csrf}, {@code token}, {@code next}. */
    public Mono<ServerResponse> signIn(ServerRequest request) {
        return request.session().zipWith(request.formData()).flatMap(sessionAndForm -> {
            WebSession session = sessionAndForm.getT1();
            MultiValueMap<String, String> form = sessionAndForm.getT2();
            if (!CsrfTokens.matches(session, form.getFirst(CsrfTokens.FIELD))) {
                return csrfRefused(request);
            }
            String next = safeNext(form.getFirst("next"));
            Optional<Caller> found = access.byToken(form.getFirst("token"));
            if (found.isEmpty()) {
                log.info("sign-in refused: unknown token (from {})", remote(request));
                return UiPages.respond(HttpStatus.UNAUTHORIZED, page(session, next,
                        "Ce jeton n’est pas valide. Vérifiez-le et collez-le à nouveau.", null, false));
            }
            Caller caller = found.get();
            if (!Access.hasAny(caller, Access.LIVE_ROLES)) {
                log.info("sign-in refused: {} has no role with pages (from {})", caller.name(), remote(request));
                return UiPages.respond(HttpStatus.FORBIDDEN, page(session, next,
                        "Ce jeton est valide, mais il ne donne accès à aucune page réservée "
                                + "(elles sont réservées à l’équipe web et aux opérateurs). Il reste valable pour l’API.",
                        null, false));
            }
            // A new session id at sign-in: an id known before (fixation) is worth nothing after.
            return session.changeSessionId().then(Mono.defer(() -> {
                session.getAttributes().put(Access.CALLER_ATTRIBUTE, caller);
                if (Access.hasAny(caller, Access.OPS_ROLES)) {
                    // Only for OperatorSessionRelay: the dashboard's calls to the render service.
                    session.getAttributes().put(Access.OPS_TOKEN_ATTRIBUTE, form.getFirst("token").strip());
                }
                CsrfTokens.rotate(session);
                session.setMaxIdleTime(properties.sessionTimeout());
                log.info("{} signed in (from {})", caller.name(), remote(request));
                return ServerResponse.seeOther(URI.create(next != null ? next : DEFAULT_NEXT))
                        .cacheControl(CacheControl.noStore()).build();
            }));
        });
    }

    /** {@code POST /signout}: form field {@code _csrf}. */
    public Mono<ServerResponse> signOut(ServerRequest request) {
        return request.session().zipWith(request.formData()).flatMap(sessionAndForm -> {
            WebSession session = sessionAndForm.getT1();
            if (!CsrfTokens.matches(session, sessionAndForm.getT2().getFirst(CsrfTokens.FIELD))) {
                return csrfRefused(request);
            }
            Caller caller = session.getAttribute(Access.CALLER_ATTRIBUTE);
            if (caller != null) {
                log.info("{} signed out", caller.name());
            }
            return session.invalidate().then(ServerResponse.seeOther(URI.create("/signin?signedOut"))
                    .cacheControl(CacheControl.noStore()).build());
        });
    }

    private static Mono<ServerResponse> csrfRefused(ServerRequest request) {
        log.info("refused a {} {} without a valid CSRF token (from {})", request.method(), request.path(), remote(request));
        return UiPages.respond(HttpStatus.FORBIDDEN, FORM_EXPIRED);
    }

    private static byte[] page(WebSession session, String next, String error, Caller signedIn, boolean signedOut) {
        SignInForm form = new SignInForm(CsrfTokens.of(session), next, error, signedIn == null ? null : signedIn.name(), signedOut);
        return UiPages.render("signin.jte", Map.of("form", form));
    }

    private static String safeNext(String next) {
        return next != null && NEXT_PAGES.contains(next) ? next : null;
    }

    private static String remote(ServerRequest request) {
        return request.remoteAddress().map(address -> address.getAddress() == null ? address.getHostString()
                : address.getAddress().getHostAddress()).orElse("?");
    }
}
