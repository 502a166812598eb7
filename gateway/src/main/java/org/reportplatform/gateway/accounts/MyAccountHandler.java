package org.reportplatform.gateway.accounts;

import java.util.List;
import java.util.Set;
import org.reportplatform.gateway.accounts.AccountsApi.NewToken;
import org.reportplatform.gateway.accounts.AccountsApi.Token;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * "Mon compte" ({@code /account}): who I am, my API tokens (create, shown once; revoke, after a
 * confirmation page), and the state of my second factor.
 *
 * <p>A new token is shown in the answer to the POST that created it and nowhere else: the page is
 * {@code no-store}, and reloading {@code /account} lists the token without its value.
 */
final class MyAccountHandler {

    private static final Set<String> TOKEN_FIELDS = Set.of("name", "expiresInDays");
    private static final String DEFAULT_DAYS = "90";

    private final AccountsClient accounts;
    private final Labels labels;

    MyAccountHandler(AccountsClient accounts, Labels labels) {
        this.accounts = accounts;
        this.labels = labels;
    }

    /** {@code GET /account}. */
    Mono<ServerResponse> page(ServerRequest request) {
        String notice = request.queryParam("revoked").isPresent() ? "Le jeton a été révoqué : il ne donne plus accès à rien." : null;
        return Viewer.signedIn(request)
                .flatMap(viewer -> show(viewer, HttpStatus.OK, FormState.empty().with("expiresInDays", List.of(DEFAULT_DAYS)), null, notice)
                        .onErrorResume(e -> Pages.failed(viewer, labels, e)))
                .switchIfEmpty(Pages.signIn());
    }

    /** {@code POST /account/tokens}: create, then show the token once. */
    Mono<ServerResponse> createToken(ServerRequest request) {
        return Viewer.signedIn(request).flatMap(viewer -> request.formData().flatMap(data -> {
            FormState form = FormState.of(data);
            Integer days = null;
            String rawDays = form.value("expiresInDays");
            if (!rawDays.isEmpty()) {
                try {
                    days = Integer.valueOf(rawDays);
                } catch (NumberFormatException e) {
                    // Not a number cannot be sent as JSON: said here, in the API's words.
                    return show(viewer, HttpStatus.BAD_REQUEST,
                            form.withError("expiresInDays", "Indiquez une validité en jours, un nombre entier entre 1 et 365."), null, null);
                }
            }
            return accounts.createToken(viewer.caller(), form.value("name"), days)
                    .flatMap(created -> show(viewer, HttpStatus.CREATED,
                            FormState.empty().with("expiresInDays", List.of(DEFAULT_DAYS)), created, null))
                    .onErrorResume(ApiRefusal.class, refusal -> show(viewer, HttpStatusCode.valueOf(refusal.status()),
                            FrenchProblems.explain(refusal, form, TOKEN_FIELDS), null, null));
        }).onErrorResume(e -> Pages.failed(viewer, labels, e)))
                .switchIfEmpty(Pages.signIn());
    }

    /** {@code GET /account/tokens/{id}/revoke}: "are you sure?", naming the token. */
    Mono<ServerResponse> confirmRevoke(ServerRequest request) {
        String id = request.pathVariable("id");
        return Viewer.signedIn(request).flatMap(viewer -> accounts.myTokens(viewer.caller())
                .flatMap(tokens -> tokens.stream().filter(t -> t.id().equals(id) && t.revokedAt() == null).findFirst()
                        .map(token -> Pages.ok("revoke-token.jte", Pages.model(viewer, labels).put("token", token)))
                        .orElseGet(() -> Pages.notFound(viewer, labels, "Ce jeton n’existe pas ou est déjà révoqué.")))
                .onErrorResume(e -> Pages.failed(viewer, labels, e)))
                .switchIfEmpty(Pages.signIn());
    }

    /** {@code POST /account/tokens/{id}/revoke}. */
    Mono<ServerResponse> revoke(ServerRequest request) {
        String id = request.pathVariable("id");
        return Viewer.signedIn(request).flatMap(viewer -> accounts.revokeToken(viewer.caller(), id)
                .then(Pages.seeOther("/account?revoked"))
                .onErrorResume(ApiRefusal.class, refusal -> show(viewer, HttpStatusCode.valueOf(refusal.status()),
                        FormState.empty().with("expiresInDays", List.of(DEFAULT_DAYS)), null, null, FrenchProblems.general(refusal.problem())))
                .onErrorResume(e -> Pages.failed(viewer, labels, e)))
                .switchIfEmpty(Pages.signIn());
    }

    private Mono<ServerResponse> show(Viewer viewer, HttpStatusCode status, FormState tokenForm, NewToken created, String notice) {
        return show(viewer, status, tokenForm, created, notice, null);
    }

    private Mono<ServerResponse> show(Viewer viewer, HttpStatusCode status, FormState tokenForm, NewToken created, String notice,
            String error) {
        return Mono.zip(accounts.me(viewer.caller()), accounts.myTokens(viewer.caller()))
                .flatMap(both -> {
                    List<Token> tokens = both.getT2().stream()
                            .sorted(java.util.Comparator.comparing(Token::createdAt, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
                            .toList();
                    return Pages.render(status, "me.jte", Pages.model(viewer, labels)
                            .put("person", both.getT1())
                            .put("tokens", tokens)
                            .put("tokenForm", tokenForm)
                            .put("created", created)
                            .put("notice", notice)
                            .put("error", error)
                            .put("now", java.time.Instant.now()));
                });
    }
}
