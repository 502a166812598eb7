package org.reportplatform.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.reportplatform.gateway.ui.UiPages;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.SecondFactors;
import org.reportplatform.schemas.AccountState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.reportplatform.gateway.accounts.AccountsClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The sign-in pages: {@code GET /signin} (the form; {@code POST /signin} is Spring Security's form
 * login, see {@link SignInOutcomes}) and the second step of a person with a second factor,
 * {@code GET/POST /signin/code}: the 6-digit code of their authenticator app
 * ({@link SecondFactors#verify}) or one of their recovery codes (checked, and used up, by
 * content-service, asked with an assertion for that person). A right code replaces the session
 * with a new one (new id) whose second factor is done. Wrong codes count as failed sign-ins.
 */
final class SignInPages {

    private static final Logger log = LoggerFactory.getLogger(SignInPages.class);
    static final String WRONG_CODE = "Ce code n’est pas valide. Saisissez le code affiché maintenant par votre application, "
            + "ou un code de secours.";

    private final AccountsView accounts;
    private final KafkaSessions sessions;
    private final SecondFactors secondFactors;
    private final SignInThrottle throttle;
    private final GatewaySecurityProperties properties;
    private final AccountsClient accountsApi;
    private final SignInForm.ProviderLink provider;

    SignInPages(AccountsView accounts, KafkaSessions sessions, SecondFactors secondFactors,
            SignInThrottle throttle, GatewaySecurityProperties properties, AccountsClient accountsApi, SignInForm.ProviderLink provider) {
        this.provider = provider;
        this.accounts = accounts;
        this.sessions = sessions;
        this.secondFactors = secondFactors;
        this.throttle = throttle;
        this.properties = properties;
        this.accountsApi = accountsApi;
    }

    /** Why the identity provider's sign-in led nowhere (its person has no role here, or the email has a password account). */
    static final String PROVIDER_REFUSED = "La connexion avec le compte de l’organisation n’a pas abouti : ce compte ne donne "
            + "accès à aucun rôle ici, ou l’adresse e-mail est déjà celle d’un compte à mot de passe. "
            + "Adressez-vous à un·e administrateur·rice.";

    /** {@code GET /signin}. */
    Mono<ServerResponse> form(ServerRequest request) {
        String next = NextPage.safe(request.queryParam("next").orElse(null));
        boolean signedOut = request.queryParams().containsKey("signedOut");
        String error = request.queryParams().containsKey("providerRefused") ? PROVIDER_REFUSED : null;
        return Mono.zip(CurrentPerson.csrfToken(request.exchange()), CurrentPerson.caller())
                .flatMap(both -> UiPages.respond(error == null ? HttpStatus.OK : HttpStatus.FORBIDDEN, UiPages.render("signin.jte", Map.of("form",
                        new SignInForm(both.getT1(), next, error, both.getT2().map(Caller::displayName).orElse(null), signedOut, provider)))));
    }

    /** {@code GET /signin/code}: only with a session waiting for its second factor (the security chain sees to that). */
    Mono<ServerResponse> codeForm(ServerRequest request) {
        String next = NextPage.safe(request.queryParam("next").orElse(null));
        return codePage(request.exchange(), HttpStatus.OK, next, null);
    }

    /** {@code POST /signin/code}: {@code code}, {@code next}, {@code _csrf} (checked by Spring Security). */
    Mono<ServerResponse> code(ServerRequest request) {
        long started = System.nanoTime();
        ServerWebExchange exchange = request.exchange();
        String address = KafkaSessions.remoteAddress(exchange);
        return Mono.zip(pendingAccount(), request.formData()).flatMap(both -> {
            String accountId = both.getT1();
            String next = NextPage.safe(both.getT2().getFirst("next"));
            String code = Optional.ofNullable(both.getT2().getFirst("code")).map(String::strip).orElse("");
            AccountState account = accounts.enabledAccount(accountId).orElse(null);
            if (account == null || !KafkaSessions.hasSecondFactor(account)) {
                return sessions.end(exchange).then(seeOther("/signin"));
            }
            Optional<Duration> locked = throttle.lockedFor(account.getEmail(), address);
            if (locked.isPresent()) {
                return SignInOutcomes.tooManyAttempts(locked.get());
            }
            return check(accountId, account, code).flatMap(right -> {
                if (right) {
                    Caller caller = AccountsView.caller(accountId, account, null);
                    return sessions.completeSecondFactor(exchange, accountId)
                            .then(seeOther(NextPage.after(next, caller)));
                }
                throttle.failed(account.getEmail(), address);
                log.info("second factor refused for account {} from {}", accountId, address);
                return SignInOutcomes.delayUntil(started, properties.bruteForce().failureAnswerIn())
                        .then(codePage(exchange, HttpStatus.UNAUTHORIZED, next, WRONG_CODE));
            });
        }).switchIfEmpty(Mono.defer(() -> seeOther("/signin")));
    }

    private Mono<Boolean> check(String accountId, AccountState account, String code) {
        if (code.replace(" ", "").matches("\\d{6}")) {
            return Mono.just(secondFactors.verify(account.getSecondFactor().getSecretEncrypted(), code));
        }
        if (code.isEmpty() || code.length() > 20) {
            return Mono.just(false);
        }
        // A recovery code: content-service holds them (hashed) and uses one up; it answers 204 when it matched.
        return accountsApi.useRecoveryCode(AccountsView.caller(accountId, account, null), code)
                .onErrorResume(e -> {
                    log.warn("could not check a recovery code with content-service: {}", e.toString());
                    return Mono.just(false);
                });
    }

    private Mono<ServerResponse> codePage(ServerWebExchange exchange, HttpStatus status, String next, String error) {
        return CurrentPerson.csrfToken(exchange).flatMap(csrf -> UiPages.respond(status,
                UiPages.render("signin-code.jte", Map.of("form", new SignInForm(csrf, next, error, null, false, null)))));
    }

    private static Mono<String> pendingAccount() {
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(context -> context.getAuthentication() instanceof PendingSecondFactor pending ? pending.accountId() : null);
    }

    static Mono<ServerResponse> seeOther(String location) {
        return ServerResponse.seeOther(URI.create(location)).cacheControl(CacheControl.noStore()).build();
    }
}
