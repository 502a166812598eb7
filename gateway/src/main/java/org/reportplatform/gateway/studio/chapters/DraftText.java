package org.reportplatform.gateway.studio.chapters;

import java.util.Set;
import org.reportplatform.gateway.accounts.FormState;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.studio.drafts.Draft;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The editor form's title and text saved to the chapter's draft (the form's {@code draft}: the
 * revision the page holds, empty before the first save), and a refusal answered with the editor
 * again, the person's text in it and what went wrong in words.
 */
final class DraftText {

    private static final Logger log = LoggerFactory.getLogger(DraftText.class);
    private static final Set<String> FIELDS = Set.of("title", "body");

    private final EditorPages editor;

    DraftText(EditorPages editor) {
        this.editor = editor;
    }

    Mono<Draft> save(Viewer viewer, String edition, String slug, MultiValueMap<String, String> form) {
        return editor.drafts().save(viewer.caller(), edition, slug, EditorPages.revision(form, "draft"), EditorPages.text(form, "title"),
                EditorPages.text(form, "body"), null);
    }

    /** The editor again with the person's text: the draft changed elsewhere (412), a field refused (400), or another refusal. */
    Mono<ServerResponse> refused(Viewer viewer, String edition, String slug, MultiValueMap<String, String> form, Throwable error) {
        if (error instanceof BackendRefusal refusal && refusal.status() == 412) {
            // The page now holds the draft's current revision: saving again keeps the person's text over it.
            return editor.again(viewer, edition, slug, form, org.springframework.http.HttpStatus.CONFLICT,
                    view -> view.withMessages(null, EditorMessages.draftChangedElsewhere(view.draft(), editor.dateTime())
                            + EditorMessages.NOT_SAVED + " Enregistrez pour garder votre version, ou rechargez la page pour reprendre l’autre."));
        }
        FormState explained = FormState.empty();
        if (error instanceof BackendRefusal refusal) {
            for (BackendRefusal.FieldProblem problem : refusal.errors()) {
                if (FIELDS.contains(problem.field())) {
                    explained = explained.withError(problem.field(), EditorMessages.field(problem.field(), problem.problem()));
                }
            }
        }
        if (!(error instanceof BackendRefusal refusal) || refusal.status() >= 500) {
            log.warn("draft {}/{} not saved: {}", edition, slug, error.toString());
        }
        FormState fields = explained;
        return editor.again(viewer, edition, slug, form, EditorPages.status(error),
                view -> view.withText(view.title(), view.body(), fields).withMessages(null, EditorMessages.saving(error, view.ownerTeam())));
    }
}
