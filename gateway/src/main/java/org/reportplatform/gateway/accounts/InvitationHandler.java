package org.reportplatform.gateway.accounts;

import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The one-time link an admin sends ({@code /invitation/{token}}): "Bienvenue", and a form to
 * choose a password; then a link to sign in. Anyone holding the link may open it. An unknown,
 * used or expired link gets one page (404) that does not say which, and tells the person to ask
 * their administrator for a new link. The password is never sent back to the browser.
 */
final class InvitationHandler {

    private static final Set<String> FIELDS = Set.of("password", "confirmation");
    /** Longer than any token the API issues: not worth asking about. */
    private static final int MAX_TOKEN = 200;

    private final AccountsClient accounts;
    private final Labels labels;

    InvitationHandler(AccountsClient accounts, Labels labels) {
        this.accounts = accounts;
        this.labels = labels;
    }

    /** {@code GET /invitation/{token}}. */
    Mono<ServerResponse> form(ServerRequest request) {
        String token = request.pathVariable("token");
        return Viewer.anyone(request).flatMap(viewer -> show(viewer, token, HttpStatus.OK, FormState.empty()));
    }

    /** {@code POST /invitation/{token}}. */
    Mono<ServerResponse> choosePassword(ServerRequest request) {
        String token = request.pathVariable("token");
        return Viewer.anyone(request).flatMap(viewer -> request.formData().flatMap(data -> {
            FormState form = FormState.of(data);
            String password = data.getFirst("password") == null ? "" : data.getFirst("password");
            String confirmation = data.getFirst("confirmation") == null ? "" : data.getFirst("confirmation");
            FormState safe = form.without("password", "confirmation");
            if (token.length() > MAX_TOKEN) {
                return gone(viewer);
            }
            if (!password.equals(confirmation)) {
                // Only the page knows there are two fields: the API takes one password.
                return show(viewer, token, HttpStatus.BAD_REQUEST,
                        safe.withError("confirmation", "Les deux mots de passe ne sont pas identiques. Saisissez-les de nouveau."));
            }
            return accounts.acceptInvitation(token, password)
                    .then(Pages.ok("invitation-done.jte", Pages.model(viewer, labels)))
                    .onErrorResume(ApiRefusal.class, refusal -> refusal.status() == 404 || refusal.status() == 410
                            ? gone(viewer)
                            : show(viewer, token, HttpStatusCode.valueOf(refusal.status()), FrenchProblems.explain(refusal, safe, FIELDS)));
        }).onErrorResume(e -> Pages.failed(viewer, labels, e)));
    }

    private Mono<ServerResponse> show(Viewer viewer, String token, HttpStatusCode status, FormState form) {
        if (token.length() > MAX_TOKEN) {
            return gone(viewer);
        }
        return accounts.invitation(token)
                .flatMap(details -> Pages.render(status, "invitation.jte", Pages.model(viewer, labels)
                        .put("details", details).put("token", token).put("form", form)))
                .onErrorResume(ApiRefusal.class, refusal -> refusal.status() == 404 || refusal.status() == 410 || refusal.status() == 400
                        ? gone(viewer) : Pages.failed(viewer, labels, refusal))
                .onErrorResume(e -> !(e instanceof ApiRefusal), e -> Pages.unavailable(viewer, labels, e));
    }

    private Mono<ServerResponse> gone(Viewer viewer) {
        return Pages.render(HttpStatus.NOT_FOUND, "invitation-gone.jte", Pages.model(viewer, labels));
    }
}
