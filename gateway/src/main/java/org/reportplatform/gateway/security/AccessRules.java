package org.reportplatform.gateway.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.reportplatform.gateway.ui.Account;
import org.reportplatform.gateway.ui.UiPages;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.CallerAuthentication;
import org.reportplatform.platform.security.ProblemEntryPoint;
import org.reportplatform.platform.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Who may open what, and what those who may not are told.
 * <ul>
 * <li>{@code /live/**}, {@code /api/live/**} (but {@code /api/live/page}, public like the pages):
 * web team, operators, admins; {@code /ops/**}, {@code /api/ops/**}: operators, admins;
 * {@code /admin/**}: admins; {@code /account/**}, {@code /studio/**}: any signed-in person;
 * {@code /preview/**} and {@code /api/live/preview} (a draft's preview and its live stream): any
 * signed-in person or token, then the preview's handler asks content-service whether that person
 * may read the draft;
 * {@code /signin/code}: a person between password and second factor.
 * <li>{@code /signin}, {@code /signout}, {@code /invitation/**}, {@code /api/invitations/**} and the
 * rest of {@code /api/**}: anyone (the services decide, with the gateway's assertion or without).
 * <li>An admin or operator who must first enrol a second factor may open only its page and the API
 * it calls; a person between password and code only {@code /signin/code}.
 * </ul>
 * Nobody signed in: pages 303 to {@code /signin?next=...}, API 401 problem (a preview asked for
 * without {@code Accept: text/html}, by a script, too). Signed in without the role: the 403 French
 * page, or a 403 problem for the API.
 */
public final class AccessRules {

    /** Who may open the live view and stream; also what the header bar offers (ui.Account). */
    public static final Set<Role> LIVE = Set.copyOf(EnumSet.of(Role.WEBTEAM, Role.OPERATOR, Role.ADMIN));
    /** Who may open the operations pages. */
    public static final Set<Role> OPS = Set.copyOf(EnumSet.of(Role.OPERATOR, Role.ADMIN));
    /** Who may open the administration. */
    public static final Set<Role> ADMIN = Set.copyOf(EnumSet.of(Role.ADMIN));

    /** The paths of the gateway's security chain: the rest (the report, /ui/, actuator) never meets it. */
    static final String[] SECURED = {"/signin", "/signin/**", "/signout", "/live/**", "/ops/**", "/admin/**",
            "/account/**", "/invitation/**", "/studio/**", "/preview/**", "/api/**",
            // Spring Security's OAuth 2.0 login (an organisation's identity provider): its start and its return.
            "/oauth2/**", "/login/oauth2/**"};

    /** What an admin or operator without a second factor may still do: enrol one, or leave. */
    private static final List<String> ENROLMENT = List.of("/account/second-factor", "/api/me",
            "/api/me/second-factor", "/api/me/second-factor:confirm", "/signout", "/signin");

    private record Guarded(String prefix, Set<Role> roles, String what) {
    }

    private static final List<Guarded> GUARDED = List.of(
            new Guarded("/api/live", LIVE, "the live stream is for the web team, operators and admins"),
            new Guarded("/api/ops", OPS, "the operations endpoints are for operators and admins"),
            new Guarded("/live", LIVE, "the live view is for the web team, operators and admins"),
            new Guarded("/ops", OPS, "the operations pages are for operators and admins"),
            new Guarded("/admin", ADMIN, "the administration is for admins"));

    private AccessRules() {
    }

    static void authorize(AuthorizeExchangeSpec exchanges) {
        exchanges
                .matchers(AccessRules::enrolmentPending).denyAll()
                .pathMatchers("/api/live/page").permitAll()
                .pathMatchers("/preview/**", "/api/live/preview").access(signedIn())
                .pathMatchers("/live/**", "/api/live/**").hasAnyRole(names(LIVE))
                .pathMatchers("/ops/**", "/api/ops/**").hasAnyRole(names(OPS))
                .pathMatchers("/admin/**").hasAnyRole(names(ADMIN))
                .pathMatchers("/account/**", "/studio/**").access(signedIn())
                .pathMatchers("/signin/code").hasAuthority(PendingSecondFactor.AUTHORITY)
                .anyExchange().permitAll();
    }

    private static String[] names(Set<Role> roles) {
        return roles.stream().map(Role::name).toArray(String[]::new);
    }

    private static ReactiveAuthorizationManager<AuthorizationContext> signedIn() {
        return (authentication, context) -> authentication
                .<org.springframework.security.authorization.AuthorizationResult>map(
                        current -> new AuthorizationDecision(current instanceof CallerAuthentication))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    /** A session that must enrol a second factor, asking for anything else. */
    private static Mono<ServerWebExchangeMatcher.MatchResult> enrolmentPending(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (ENROLMENT.contains(path)) {
            return ServerWebExchangeMatcher.MatchResult.notMatch();
        }
        return ReactiveSecurityContextHolder.getContext()
                .filter(context -> context.getAuthentication() instanceof CallerAuthentication authentication
                        && !authentication.caller().viaToken() && enrolmentRequired(exchange))
                .flatMap(context -> ServerWebExchangeMatcher.MatchResult.match())
                .switchIfEmpty(ServerWebExchangeMatcher.MatchResult.notMatch());
    }

    private static boolean enrolmentRequired(ServerWebExchange exchange) {
        SignedInSession session = SignedInSession.of(exchange);
        return session != null && session.enrolmentRequired();
    }

    static boolean isApi(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static boolean isPreview(String path) {
        return path.startsWith("/preview/");
    }

    private static boolean acceptsHtml(ServerWebExchange exchange) {
        try {
            return exchange.getRequest().getHeaders().getAccept().stream().anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static Guarded guarded(String path) {
        return GUARDED.stream().filter(g -> path.equals(g.prefix()) || path.startsWith(g.prefix() + "/")).findFirst().orElse(null);
    }

    /** Nobody signed in (or a session that is no more). */
    static ServerAuthenticationEntryPoint entryPoint() {
        return (exchange, refusal) -> {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            if (isApi(exchange) || (isPreview(path) && !acceptsHtml(exchange))) {
                Guarded rule = guarded(path);
                String roles = rule == null ? "a signed-in person" : rule.roles().stream().map(Role::id).sorted().collect(Collectors.joining(", "));
                return ProblemEntryPoint.write(exchange, HttpStatus.UNAUTHORIZED, "this needs " + roles
                        + ": send Authorization: Bearer <token>, or sign in at /signin");
            }
            String next = NextPage.safe(path);
            return SignInOutcomes.seeOther(exchange, next == null ? "/signin" : "/signin?next=" + next);
        };
    }

    /** Signed in, but not allowed (or not yet: second factor). */
    static ServerAccessDeniedHandler deniedHandler() {
        // Decide on the authentication's presence first: denied(...) completes empty once it has
        // written its answer, so a switchIfEmpty after it would answer a second time.
        return (exchange, denied) -> ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication())
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(authentication -> authentication.isPresent() ? denied(exchange, authentication.get())
                        : entryPoint().commence(exchange, null));
    }

    private static Mono<Void> denied(ServerWebExchange exchange, Authentication authentication) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean api = isApi(exchange);
        if (authentication instanceof PendingSecondFactor) {
            return api ? ProblemEntryPoint.write(exchange, HttpStatus.UNAUTHORIZED, "finish signing in: the code of the second factor is missing (/signin/code)")
                    : SignInOutcomes.seeOther(exchange, "/signin/code");
        }
        if (!(authentication instanceof CallerAuthentication callerAuthentication)) {
            return entryPoint().commence(exchange, null);
        }
        Caller caller = callerAuthentication.caller();
        if (!caller.viaToken() && enrolmentRequired(exchange)) {
            return api ? ProblemEntryPoint.write(exchange, HttpStatus.FORBIDDEN, "set up a second factor first (/account/second-factor)")
                    : SignInOutcomes.seeOther(exchange, "/account/second-factor");
        }
        if (api) {
            Guarded rule = guarded(path);
            return ProblemEntryPoint.write(exchange, HttpStatus.FORBIDDEN, (rule == null ? "this is not for you" : rule.what())
                    + "; the account " + caller.accountId() + " (" + caller.displayName() + ") is none of these");
        }
        return CurrentPerson.account(exchange)
                .defaultIfEmpty(Account.bearer(caller))
                .flatMap(account -> UiPages.write(exchange, HttpStatus.FORBIDDEN,
                        UiPages.render("forbidden.jte", Map.of("account", account, "path", path))));
    }
}
