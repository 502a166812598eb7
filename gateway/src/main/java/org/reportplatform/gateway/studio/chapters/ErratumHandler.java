package org.reportplatform.gateway.studio.chapters;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reportplatform.gateway.accounts.FormState;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.StudioLabels;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.gateway.studio.StudioProblems;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * « Publier un erratum » in a closed edition ({@code POST …/chapitres/{slug}/erratum}): the
 * corrected title and text with a note saying what was corrected, sent as the chapter's next
 * revision ({@code PUT} with {@code erratum} and {@code If-Match} the revision the page showed);
 * the public pages then say « Corrigé le … » under the title. The form is on the editor page, for
 * the chapter's team and admins.
 */
final class ErratumHandler {

    private final Backends backends;
    private final EditorPages editor;
    private final StudioPages pages;

    ErratumHandler(Backends backends, EditorPages editor) {
        this.backends = backends;
        this.editor = editor;
        this.pages = editor.pages();
    }

    Mono<ServerResponse> publish(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        return pages.forViewer(request, edition, viewer -> request.formData().flatMap(form -> {
            String note = EditorPages.text(form, "erratum").strip();
            long revision = EditorPages.revision(form, "revision");
            if (note.isEmpty()) {
                return again(viewer, edition, slug, form, FormState.of(form).withError("erratum",
                        "Dites en une phrase ce qui a été corrigé : la note est publiée sous le titre du chapitre."));
            }
            Map<String, Object> corrected = new LinkedHashMap<>();
            corrected.put("title", EditorPages.text(form, "title"));
            corrected.put("body", EditorPages.text(form, "body"));
            corrected.put("erratum", note);
            BackendClient.Request sent = backends.content().put(viewer.caller(), EditorPages.CHAPTER, edition, slug).json(corrected);
            if (revision >= 0) {
                sent.ifMatch(revision);
            }
            return sent.fetchJson()
                    .flatMap(answer -> StudioPages.seeOther(ChapterEditorHandler.editorPath(edition, slug) + "?fait=erratum"))
                    .onErrorResume(BackendRefusal.class, refusal -> refusal.status() >= 500 || refusal.status() == 404 ? Mono.error(refusal)
                            : again(viewer, edition, slug, form, refused(FormState.of(form), refusal)));
        }));
    }

    /** The editor again with the person's note and text, and what to correct. */
    private Mono<ServerResponse> again(Viewer viewer, String edition, String slug,
            MultiValueMap<String, String> sent, FormState form) {
        return editor.view(viewer, edition, slug).flatMap(view -> editor.show(HttpStatus.BAD_REQUEST, viewer,
                view.withText(EditorPages.text(sent, "title"), EditorPages.text(sent, "body"), form)
                        .withMessages(null, form.generalError() != null ? form.generalError()
                                : "L’erratum n’a pas été publié : corrigez ce qui est signalé, puis recommencez.")));
    }

    private static FormState refused(FormState form, BackendRefusal refusal) {
        if (refusal.status() == 412 || refusal.status() == 428) {
            return form.withGeneralError("Le chapitre a été corrigé par quelqu’un d’autre pendant que vous écriviez. Rien n’a été publié : "
                    + "rechargez la page pour partir de sa dernière version.");
        }
        FormState refused = form;
        for (BackendRefusal.FieldProblem problem : refusal.errors()) {
            if (problem.field().equals("title") || problem.field().equals("body") || problem.field().equals("erratum")) {
                refused = refused.withError(problem.field(), StudioLabels.field(problem.field()) + " : " + problem.problem());
            }
        }
        return refused.hasErrors() ? refused : form.withGeneralError(StudioProblems.general(refusal));
    }
}
