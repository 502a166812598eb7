package org.reportplatform.gateway.accounts;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.reportplatform.gateway.accounts.AccountsApi.Invitation;
import org.reportplatform.gateway.accounts.AccountsApi.Person;
import org.reportplatform.gateway.accounts.AccountsApi.Revision;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The administration of accounts ({@code /admin/accounts}): the people, inviting one (the one-time
 * link is shown to the admin, who sends it: no mail server), and per person
 * ({@code /admin/accounts/{id}}) name, roles and teams, disabling and enabling, resetting the
 * password (a new link) or the second factor, and the history of changes.
 *
 * <p>Every handler checks that the viewer is an admin before anything else and answers a 403 page
 * otherwise, without calling the admin API: the API refuses too, but a page must not even try.
 * Destructive actions (disable, resets) go through a confirmation page.
 */
final class AdminAccountsHandler {

    private static final Set<String> INVITE_FIELDS = Set.of("email", "displayName", "roles", "teams");
    private static final Set<String> EDIT_FIELDS = Set.of("displayName", "roles", "teams");

    /** The confirmed actions: path segment -> what the confirmation page asks. */
    private static final Map<String, String> ACTIONS = Map.of(
            "disable", "Désactiver le compte",
            "reset-password", "Réinitialiser le mot de passe",
            "reset-second-factor", "Réinitialiser la double authentification");

    private final AccountsClient accounts;
    private final Labels labels;
    private final List<String> configuredTeams;

    AdminAccountsHandler(AccountsClient accounts, Labels labels, List<String> configuredTeams) {
        this.accounts = accounts;
        this.labels = labels;
        this.configuredTeams = List.copyOf(configuredTeams);
    }

    /** {@code GET /admin/accounts}. */
    Mono<ServerResponse> list(ServerRequest request) {
        return admin(request, viewer -> showList(viewer, HttpStatus.OK, FormState.empty()));
    }

    /** {@code POST /admin/accounts}: invite, then show the link once. */
    Mono<ServerResponse> invite(ServerRequest request) {
        return admin(request, viewer -> request.formData().flatMap(data -> {
            FormState form = FormState.of(data);
            return accounts.invite(viewer.caller(), form.value("email"), form.value("displayName"), form.values("roles"),
                            form.values("teams"))
                    .flatMap(invited -> Pages.render(HttpStatus.CREATED, "one-time-link.jte", Pages.model(viewer, labels)
                            .put("person", invited.account())
                            .put("link", absolute(request, invited.invitation()))
                            .put("invitation", invited.invitation())
                            .put("reset", false)))
                    .onErrorResume(ApiRefusal.class, refusal -> showList(viewer, HttpStatusCode.valueOf(refusal.status()),
                            FrenchProblems.explain(refusal, form, INVITE_FIELDS)));
        }));
    }

    /** {@code GET /admin/accounts/{id}}. */
    Mono<ServerResponse> person(ServerRequest request) {
        String id = request.pathVariable("id");
        String notice = request.queryParam("done").map(AdminAccountsHandler::notice).orElse(null);
        return admin(request, viewer -> showPerson(viewer, id, HttpStatus.OK, null, notice, null));
    }

    /** {@code POST /admin/accounts/{id}}: name, roles, teams, as of the revision the form showed. */
    Mono<ServerResponse> update(ServerRequest request) {
        String id = request.pathVariable("id");
        return admin(request, viewer -> request.formData().flatMap(data -> {
            FormState form = FormState.of(data);
            Long revision = parseRevision(form.value("revision"));
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("displayName", form.value("displayName"));
            changes.put("roles", form.values("roles"));
            changes.put("teams", form.values("teams"));
            return accounts.update(viewer.caller(), id, changes, revision)
                    .then(Pages.seeOther("/admin/accounts/" + encode(id) + "?done=saved"))
                    .onErrorResume(ApiRefusal.class, refusal -> refusal.status() == 412 || refusal.status() == 428
                            // Changed meanwhile: show what is there now, not the stale form.
                            ? showPerson(viewer, id, HttpStatusCode.valueOf(409), null, null, FrenchProblems.general(refusal.problem()))
                            : showPerson(viewer, id, HttpStatusCode.valueOf(refusal.status()),
                                    FrenchProblems.explain(refusal, form, EDIT_FIELDS), null, null));
        }));
    }

    /** {@code GET /admin/accounts/{id}/confirm/{action}}: "are you sure?" for a destructive action. */
    Mono<ServerResponse> confirm(ServerRequest request) {
        String id = request.pathVariable("id");
        String action = request.pathVariable("action");
        return admin(request, viewer -> {
            if (!ACTIONS.containsKey(action)) {
                return Pages.notFound(viewer, labels, "Cette action n’existe pas.");
            }
            return accounts.account(viewer.caller(), id).flatMap(person -> Pages.ok("confirm.jte", Pages.model(viewer, labels)
                    .put("person", person).put("action", action).put("title", ACTIONS.get(action))));
        });
    }

    /** {@code POST /admin/accounts/{id}/disable}, after the confirmation page. */
    Mono<ServerResponse> disable(ServerRequest request) {
        return change(request, Map.of("disabled", true), "disabled");
    }

    /** {@code POST /admin/accounts/{id}/enable}. */
    Mono<ServerResponse> enable(ServerRequest request) {
        return change(request, Map.of("disabled", false), "enabled");
    }

    /** {@code POST /admin/accounts/{id}/reset-password}: the password is removed; a new link to choose one. */
    Mono<ServerResponse> resetPassword(ServerRequest request) {
        String id = request.pathVariable("id");
        return admin(request, viewer -> accounts.resetPassword(viewer.caller(), id)
                .flatMap(invitation -> accounts.account(viewer.caller(), id)
                        .flatMap(person -> Pages.ok("one-time-link.jte", Pages.model(viewer, labels)
                                .put("person", person)
                                .put("link", absolute(request, invitation))
                                .put("invitation", invitation)
                                .put("reset", true))))
                .onErrorResume(ApiRefusal.class, refusal -> refusal(viewer, id, refusal)));
    }

    /** {@code POST /admin/accounts/{id}/reset-second-factor}. */
    Mono<ServerResponse> resetSecondFactor(ServerRequest request) {
        String id = request.pathVariable("id");
        return admin(request, viewer -> accounts.resetSecondFactor(viewer.caller(), id)
                .then(Pages.seeOther("/admin/accounts/" + encode(id) + "?done=second-factor"))
                .onErrorResume(ApiRefusal.class, refusal -> refusal(viewer, id, refusal)));
    }

    private Mono<ServerResponse> change(ServerRequest request, Map<String, Object> changes, String done) {
        String id = request.pathVariable("id");
        // An explicit choice, like a restore: no If-Match, the admin decided on what they saw.
        return admin(request, viewer -> accounts.update(viewer.caller(), id, changes, null)
                .then(Pages.seeOther("/admin/accounts/" + encode(id) + "?done=" + done))
                .onErrorResume(ApiRefusal.class, refusal -> refusal(viewer, id, refusal)));
    }

    /** A refused button: the person's page again, with why. */
    private Mono<ServerResponse> refusal(Viewer viewer, String id, ApiRefusal refusal) {
        if (refusal.status() == 404) {
            return Pages.notFound(viewer, labels, "Ce compte n’existe pas.");
        }
        return showPerson(viewer, id, HttpStatusCode.valueOf(refusal.status()), null, null, FrenchProblems.general(refusal.problem()));
    }

    /** Admins only: the 403 page for anyone else, before any call to the API. */
    private Mono<ServerResponse> admin(ServerRequest request, Function<Viewer, Mono<ServerResponse>> page) {
        return Viewer.signedIn(request)
                .flatMap(viewer -> viewer.isAdmin()
                        ? page.apply(viewer).onErrorResume(e -> Pages.failed(viewer, labels, e))
                        : Pages.adminsOnly(viewer, labels))
                .switchIfEmpty(Pages.signIn());
    }

    private Mono<ServerResponse> showList(Viewer viewer, HttpStatusCode status, FormState invite) {
        return accounts.accounts(viewer.caller()).flatMap(people -> Pages.render(status, "people.jte", Pages.model(viewer, labels)
                .put("people", people.stream().sorted(Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER)).toList())
                .put("teams", teams(people))
                .put("form", invite)
                .put("now", Instant.now())));
    }

    private Mono<ServerResponse> showPerson(Viewer viewer, String id, HttpStatusCode status, FormState edited, String notice,
            String error) {
        return Mono.zip(accounts.account(viewer.caller(), id), accounts.revisions(viewer.caller(), id), accounts.accounts(viewer.caller()))
                .flatMap(all -> {
                    Person person = all.getT1();
                    FormState form = edited != null ? edited : FormState.of(Map.of(
                            "displayName", List.of(person.displayName() == null ? "" : person.displayName()),
                            "roles", person.roles(),
                            "teams", person.teams(),
                            "revision", List.of(Long.toString(person.revision()))));
                    List<Revision> newestFirst = new ArrayList<>(all.getT2());
                    newestFirst.sort(Comparator.comparingLong(Revision::revision).reversed());
                    return Pages.render(status, "person.jte", Pages.model(viewer, labels)
                            .put("person", person)
                            .put("form", form)
                            .put("teams", teams(all.getT3()))
                            .put("history", newestFirst)
                            .put("notice", notice)
                            .put("error", error)
                            .put("self", person.id().equals(viewer.caller().accountId()))
                            .put("now", Instant.now()));
                })
                .onErrorResume(ApiRefusal.class, refusal -> refusal.status() == 404
                        ? Pages.notFound(viewer, labels, "Ce compte n’existe pas.")
                        : Pages.failed(viewer, labels, refusal));
    }

    /** The configured teams and every team an account already has, sorted. */
    private List<String> teams(List<Person> people) {
        Set<String> all = new TreeSet<>(configuredTeams);
        people.forEach(person -> all.addAll(person.teams()));
        return List.copyOf(all);
    }

    /**
     * The link to send: absolute, on the address the admin reached the gateway at (scheme, host
     * and port of this request; behind a proxy, with {@code server.forward-headers-strategy} set,
     * the public address). Only the API's path is used, and only when it is an invitation path.
     */
    static String absolute(ServerRequest request, Invitation invitation) {
        String path = invitation.path() != null && invitation.path().startsWith("/invitation/")
                ? invitation.path() : "/invitation/" + encode(invitation.token());
        URI uri = request.uri();
        if (uri.getHost() == null) {
            return path;
        }
        return UriComponentsBuilder.newInstance().scheme(uri.getScheme()).host(uri.getHost()).port(uri.getPort())
                .build().toUriString() + path;
    }

    private static String notice(String done) {
        return switch (done) {
            case "saved" -> "Les modifications sont enregistrées. Elles s’appliquent dès la prochaine action de la personne.";
            case "disabled" -> "Le compte est désactivé : la personne est déconnectée et ne peut plus se connecter.";
            case "enabled" -> "Le compte est réactivé : la personne peut de nouveau se connecter.";
            case "second-factor" -> "La double authentification est réinitialisée : la personne devra l’activer de nouveau.";
            default -> null;
        };
    }

    private static Long parseRevision(String value) {
        try {
            return value.isEmpty() ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String encode(String segment) {
        return UriComponentsBuilder.newInstance().pathSegment(segment).build().encode().toUriString().substring(1);
    }
}
