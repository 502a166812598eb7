package org.reportplatform.gateway.studio.editions;

import java.util.List;
import org.reportplatform.gateway.accounts.FormState;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.gateway.studio.StudioProblems;
import org.reportplatform.schemas.ReportIds;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /studio/editions}: every edition of the report with its languages and its state; admins
 * prepare the next edition from an existing one (« Préparer l’édition suivante »: its chapters,
 * owners and figures copied, not public until published), publish a prepared one and close a
 * published one, each after a confirmation page that says what it does. Others read.
 */
final class EditionsHandler {

    /** The confirmed actions: the path segment, and the API call. */
    enum Action {
        PUBLISH("publier"), CLOSE("clore");

        final String segment;

        Action(String segment) {
            this.segment = segment;
        }
    }

    private final StudioPages pages;
    private final EditionsApi editions;

    EditionsHandler(StudioPages pages, EditionsApi editions) {
        this.pages = pages;
        this.editions = editions;
    }

    /** {@code GET /studio/editions[?fait=preparee|publiee|modifiee|close&edition=…]}. */
    Mono<ServerResponse> page(ServerRequest request) {
        String done = request.queryParam("fait").orElse(null);
        String which = request.queryParam("edition").filter(ReportIds::isEdition).orElse(null);
        String notice = which == null || done == null ? null : switch (done) {
            case "preparee" -> "L’édition " + which + " est en préparation : ses chapitres, leurs équipes et ses chiffres clés "
                    + "(sans valeurs) ont été copiés. Elle n’est pas publique tant qu’elle n’est pas publiée.";
            case "publiee" -> "L’édition " + which + " est publiée : ses pages et son PDF sont sur le site.";
            case "modifiee" -> "Les réglages de l’édition " + which + " sont enregistrés.";
            case "close" -> "L’édition " + which + " est close : elle reste publique, et ne se corrige plus que par un erratum.";
            default -> null;
        };
        return pages.forViewer(request, pages.properties().currentEdition(),
                viewer -> list(viewer, HttpStatus.OK, FormState.empty(), notice));
    }

    /** {@code POST /studio/editions}: « Préparer l’édition » (year, from, title). */
    Mono<ServerResponse> prepare(ServerRequest request) {
        return pages.forViewer(request, pages.properties().currentEdition(), viewer -> request.formData().flatMap(data -> {
            FormState form = FormState.of(data);
            String year = text(data, "edition");
            String from = text(data, "from");
            if (!viewer.isAdmin()) {
                return pages.forbidden(viewer, pages.properties().currentEdition(),
                        "Seuls les administrateurs préparent une nouvelle édition.");
            }
            if (!ReportIds.isEdition(year)) {
                return list(viewer, HttpStatus.BAD_REQUEST, form.withError("edition", "Indiquez une année de quatre chiffres, par exemple 2026."), null);
            }
            if (from.isEmpty()) {
                return list(viewer, HttpStatus.BAD_REQUEST, form.withError("from", "Choisissez l’édition à copier."), null);
            }
            return editions.prepare(viewer.caller(), year, from, text(data, "title"))
                    .flatMap(created -> StudioPages.seeOther("/studio/editions?fait=preparee&edition=" + year))
                    .onErrorResume(BackendRefusal.class, refusal -> refusal.status() >= 500 ? Mono.error(refusal)
                            : list(viewer, HttpStatusCode.valueOf(refusal.status()), refused(form, refusal, year, from), null));
        }));
    }

    /** {@code GET /studio/editions/{e}/publier|clore}: what the action does, and the button. */
    Mono<ServerResponse> confirm(ServerRequest request, Action action) {
        String edition = request.pathVariable("edition");
        return pages.forViewer(request, edition, viewer -> {
            if (!viewer.isAdmin()) {
                return pages.forbidden(viewer, edition, "Seuls les administrateurs publient ou closent une édition.");
            }
            return editions.find(viewer.caller(), edition).flatMap(found -> found
                    .map(e -> confirmation(viewer, e, action, HttpStatus.OK, null))
                    .orElseGet(() -> pages.notFound(viewer, edition, "L’édition " + edition + " n’existe pas.")));
        });
    }

    /** {@code POST /studio/editions/{e}/publier|clore}. */
    Mono<ServerResponse> act(ServerRequest request, Action action) {
        String edition = request.pathVariable("edition");
        return pages.forViewer(request, edition, viewer -> {
            if (!viewer.isAdmin()) {
                return pages.forbidden(viewer, edition, "Seuls les administrateurs publient ou closent une édition.");
            }
            Mono<Edition> done = action == Action.PUBLISH ? editions.publish(viewer.caller(), edition) : editions.close(viewer.caller(), edition);
            return done.flatMap(e -> StudioPages.seeOther("/studio/editions?fait=" + (action == Action.PUBLISH ? "publiee" : "close")
                            + "&edition=" + edition))
                    .onErrorResume(BackendRefusal.class, refusal -> refusal.status() != 409 ? Mono.error(refusal)
                            : editions.find(viewer.caller(), edition).flatMap(found -> found
                                    .map(e -> confirmation(viewer, e, action, HttpStatus.CONFLICT, refusedTransition(e, action)))
                                    .orElseGet(() -> Mono.error(refusal))));
        });
    }

    private Mono<ServerResponse> list(Viewer viewer, HttpStatusCode status, FormState form, String notice) {
        String current = pages.properties().currentEdition();
        return editions.list(viewer.caller()).flatMap(all -> {
            String next = all.isEmpty() ? current : Integer.toString(Integer.parseInt(all.get(0).edition()) + 1);
            String from = all.stream().filter(Edition::isPublic).map(Edition::edition).findFirst().orElse(current);
            return pages.render(status, "editions/editions.jte", pages.model(viewer, current)
                    .put("editions", all)
                    .put("form", form)
                    .put("nextYear", form.value("edition").isEmpty() ? next : form.value("edition"))
                    .put("from", form.value("from").isEmpty() ? from : form.value("from"))
                    .put("notice", notice));
        });
    }

    private Mono<ServerResponse> confirmation(Viewer viewer, Edition edition, Action action, HttpStatusCode status, String error) {
        return pages.render(status, "editions/confirm.jte", pages.model(viewer, edition.edition())
                .put("target", edition)
                .put("publish", action == Action.PUBLISH)
                .put("action", action.segment)
                .put("error", error));
    }

    /** Why a publish or close was refused, from the edition's state now (someone else acted meanwhile, or the wrong state). */
    private static String refusedTransition(Edition edition, Action action) {
        String now = "L’édition " + edition.edition() + " est « " + edition.state() + " »";
        return action == Action.PUBLISH
                ? now + " : seule une édition en préparation peut être publiée. Rien n’a changé."
                : now + " : seule une édition publiée peut être close. Rien n’a changé.";
    }

    /** The API's refusal beside the field it names, in French. */
    private static FormState refused(FormState form, BackendRefusal refusal, String year, String from) {
        if (refusal.status() == 409) {
            return form.withError("edition", "L’édition " + year + " existe déjà : choisissez une autre année.");
        }
        if (refusal.status() == 404) {
            return form.withError("from", "L’édition " + from + " n’existe pas : choisissez une édition de la liste.");
        }
        FormState refused = form;
        for (BackendRefusal.FieldProblem problem : refusal.errors()) {
            String field = List.of("from", "title").contains(problem.field()) ? problem.field() : "edition";
            refused = refused.withError(field, "Refusé par le service : " + problem.problem());
        }
        return refused.hasErrors() ? refused : form.withGeneralError(StudioProblems.general(refusal));
    }

    private static String text(MultiValueMap<String, String> data, String name) {
        String value = data.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
