package org.reportplatform.gateway.studio.editions;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reportplatform.gateway.accounts.FormState;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.gateway.studio.StudioProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * An edition's settings ({@code /studio/editions/{e}/reglages}, admins): its title in each of its
 * languages, whether readers of a stale translation see a discreet notice, and whether a text with
 * accessibility findings may still be published. The form carries
 * the revision it was read at, so a change made meanwhile by someone else is never overwritten (412).
 */
final class EditionSettingsHandler {

    static final String PATH = "/studio/editions/{edition}/reglages";
    static final String STALE_NOTICE = "staleNotice";
    static final String ACCESSIBILITY_BLOCKING = "accessibilityBlocking";

    private final StudioPages pages;
    private final EditionsApi editions;

    EditionSettingsHandler(StudioPages pages, EditionsApi editions) {
        this.pages = pages;
        this.editions = editions;
    }

    /** {@code GET}: the form, filled with the edition as it is. */
    Mono<ServerResponse> form(ServerRequest request) {
        String edition = request.pathVariable("edition");
        return pages.forViewer(request, edition, viewer -> !viewer.isAdmin() ? refuse(viewer, edition)
                : withEdition(viewer, edition, found -> settings(viewer, found, HttpStatus.OK, filled(found))));
    }

    /** {@code POST}: the change, as the admin looking. */
    Mono<ServerResponse> save(ServerRequest request) {
        String edition = request.pathVariable("edition");
        return pages.forViewer(request, edition, viewer -> !viewer.isAdmin() ? refuse(viewer, edition)
                : request.formData().flatMap(data -> withEdition(viewer, edition, found -> {
                    FormState form = FormState.of(data);
                    String title = text(data, "title");
                    if (title.isEmpty()) {
                        return settings(viewer, found, HttpStatus.BAD_REQUEST, form.withError("title", "Indiquez le titre de l’édition."));
                    }
                    long readAt = revision(data);
                    if (readAt != found.revision()) {
                        return settings(viewer, found, HttpStatus.PRECONDITION_FAILED, filled(found).withGeneralError(changedMeanwhile()));
                    }
                    Map<String, String> titles = new LinkedHashMap<>();
                    for (String language : found.targetLanguages()) {
                        String translated = text(data, "title-" + language);
                        if (!translated.isEmpty()) {
                            titles.put(language, translated);
                        }
                    }
                    return editions.change(viewer.caller(), found, title, titles, data.containsKey(STALE_NOTICE),
                            data.containsKey(ACCESSIBILITY_BLOCKING))
                            .flatMap(changed -> StudioPages.seeOther("/studio/editions?fait=modifiee&edition=" + edition))
                            .onErrorResume(BackendRefusal.class, refusal -> refusal.status() >= 500 ? Mono.error(refusal)
                                    : settings(viewer, found, HttpStatusCode.valueOf(refusal.status()), refused(form, refusal)));
                })));
    }

    private Mono<ServerResponse> withEdition(Viewer viewer, String edition, java.util.function.Function<Edition, Mono<ServerResponse>> then) {
        return editions.find(viewer.caller(), edition).flatMap(found -> found.map(then)
                .orElseGet(() -> pages.notFound(viewer, edition, "L’édition " + edition + " n’existe pas.")));
    }

    private Mono<ServerResponse> refuse(Viewer viewer, String edition) {
        return pages.forbidden(viewer, edition, "Seuls les administrateurs modifient les réglages d’une édition.");
    }

    private Mono<ServerResponse> settings(Viewer viewer, Edition edition, HttpStatusCode status, FormState form) {
        return pages.render(status, "editions/settings.jte", pages.model(viewer, edition.edition()).put("target", edition).put("form", form));
    }

    /** The form as the edition is now. */
    private static FormState filled(Edition edition) {
        Map<String, java.util.List<String>> values = new LinkedHashMap<>();
        values.put("title", java.util.List.of(edition.title()));
        edition.titles().forEach((language, title) -> values.put("title-" + language, java.util.List.of(title)));
        values.put("revision", java.util.List.of(Long.toString(edition.revision())));
        if (edition.staleNotice()) {
            values.put(STALE_NOTICE, java.util.List.of("on"));
        }
        if (edition.accessibilityBlocking()) {
            values.put(ACCESSIBILITY_BLOCKING, java.util.List.of("on"));
        }
        return FormState.of(values);
    }

    private static FormState refused(FormState form, BackendRefusal refusal) {
        if (refusal.status() == 412) {
            return form.withGeneralError(changedMeanwhile());
        }
        FormState refused = form;
        for (BackendRefusal.FieldProblem problem : refusal.errors()) {
            String field = problem.field().startsWith("titles.") ? "title-" + problem.field().substring("titles.".length()) : "title";
            refused = refused.withError(field, "Refusé par le service : " + problem.problem());
        }
        return refused.hasErrors() ? refused : form.withGeneralError(StudioProblems.general(refusal));
    }

    private static String changedMeanwhile() {
        return "Quelqu’un a modifié cette édition pendant que vous la lisiez : le formulaire montre maintenant ses réglages actuels. "
                + "Refaites votre modification.";
    }

    private static long revision(MultiValueMap<String, String> data) {
        try {
            return Long.parseLong(text(data, "revision"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String text(MultiValueMap<String, String> data, String name) {
        String value = data.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
