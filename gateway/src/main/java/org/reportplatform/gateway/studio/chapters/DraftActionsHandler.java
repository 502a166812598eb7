package org.reportplatform.gateway.studio.chapters;

import java.util.LinkedHashMap;
import java.util.Map;
import org.reportplatform.gateway.accounts.FormState;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.studio.PublicationForm;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.gateway.studio.drafts.Draft;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * What a person does with a chapter's draft, each a plain form POST (the page works without its
 * script) answered by a 303 back to the editor with {@code ?fait=…}: Publier, Soumettre pour
 * relecture, Programmer la publication (the editor form's buttons: the text on the page is saved
 * to the draft first), Annuler la programmation, Approuver, Demander des modifications (the
 * reviewers' form) and Abandonner le brouillon (after a confirmation). A refusal brings the editor
 * back with the person's text and the reason in words; a publication conflict opens the merge.
 */
final class DraftActionsHandler {

    private final EditorPages editor;
    private final DraftText text;
    private final StudioPages pages;

    DraftActionsHandler(EditorPages editor, DraftText text) {
        this.editor = editor;
        this.text = text;
        this.pages = editor.pages();
    }

    /** POST {@code …/publier}: the page's text saved to the draft, then published; a conflict opens the merge. */
    Mono<ServerResponse> publish(ServerRequest request) {
        return withText(request, (viewer, form, draft) -> editor.drafts().publish(viewer.caller(), edition(request), slug(request), draft.revision())
                .flatMap(chapter -> done(request, "publie"))
                .onErrorResume(BackendRefusal.class, refusal -> refusal.status() == 409 && refusal.problem() != null
                        && refusal.problem().path("published").isObject()
                        ? conflict(viewer, request, draft, refusal.problem())
                        : failed(viewer, request, form, refusal, publishRefusal(refusal))));
    }

    /** POST {@code …/soumettre}: saved, then submitted for review with the person's optional word. */
    Mono<ServerResponse> submit(ServerRequest request) {
        return withText(request, (viewer, form, draft) -> act(viewer, request, form, "submit", draft.revision(), comment(form, "message"), "soumis"));
    }

    /** POST {@code …/programmer}: saved, then scheduled; a skipped or repeated hour offers its two readings as buttons. */
    Mono<ServerResponse> schedule(ServerRequest request) {
        return withText(request, (viewer, form, draft) -> {
            PublicationForm time = PublicationForm.of(form, editor.zone().getId());
            return editor.drafts().act(viewer.caller(), edition(request), slug(request), "schedule", draft.revision(), time.api())
                    .flatMap(scheduled -> done(request, "programme"))
                    .onErrorResume(BackendRefusal.class, refusal -> {
                        PublicationForm.Refusal explained = refusal.status() == 400 ? time.explain(refusal) : null;
                        if (explained == null) {
                            return failed(viewer, request, form, refusal, EditorMessages.saving(refusal, null));
                        }
                        return editor.again(viewer, edition(request), slug(request), form, HttpStatus.BAD_REQUEST,
                                view -> view.withSchedule(new PublicationForm(time.date(), time.time(), time.zone(), null), explained));
                    });
        });
    }

    /** POST {@code …/deprogrammer}: the schedule cleared; the draft stays. */
    Mono<ServerResponse> unschedule(ServerRequest request) {
        return pages.forViewer(request, edition(request), viewer -> request.formData().flatMap(form ->
                act(viewer, request, form, "unschedule", EditorPages.revision(form, "draft"), Map.of(), "deprogramme")));
    }

    /** POST {@code …/approuver} (reviewers): approves the revision the reviewer read. */
    Mono<ServerResponse> approve(ServerRequest request) {
        return pages.forViewer(request, edition(request), viewer -> request.formData().flatMap(form ->
                act(viewer, request, form, "approve", EditorPages.revision(form, "draft"), comment(form, "commentaire"), "approuve")));
    }

    /** POST {@code …/modifications} (reviewers): changes requested, the comment required (it is what the team reads). */
    Mono<ServerResponse> requestChanges(ServerRequest request) {
        return pages.forViewer(request, edition(request), viewer -> request.formData().flatMap(form -> {
            if (EditorPages.text(form, "commentaire").isBlank()) {
                return editor.again(viewer, edition(request), slug(request), null, HttpStatus.BAD_REQUEST,
                        view -> view.withText(view.title(), view.body(), FormState.empty()
                                        .withError("commentaire", "Dites à l’équipe ce qu’il faut modifier : le commentaire est obligatoire."))
                                .withMessages(null, "Les modifications n’ont pas été demandées : écrivez un commentaire."));
            }
            return act(viewer, request, form, "request-changes", EditorPages.revision(form, "draft"), comment(form, "commentaire"),
                    "modifications");
        }));
    }

    /** GET {@code …/abandonner}: « Abandonner le brouillon ? », what it means, and the button. */
    Mono<ServerResponse> confirmDiscard(ServerRequest request) {
        return pages.forViewer(request, edition(request), viewer -> editor.view(viewer, edition(request), slug(request))
                .flatMap(view -> view.draft() == null ? StudioPages.seeOther(view.path())
                        : pages.ok("chapters/discard.jte", pages.model(viewer, edition(request)).put("view", view))));
    }

    /** POST {@code …/abandonner}: the draft closed, the chapter stays as published. */
    Mono<ServerResponse> discard(ServerRequest request) {
        return pages.forViewer(request, edition(request), viewer -> request.formData().flatMap(form ->
                editor.drafts().discard(viewer.caller(), edition(request), slug(request), EditorPages.revision(form, "draft"))
                        .then(done(request, "abandonne"))
                        .onErrorResume(BackendRefusal.class, refusal -> failed(viewer, request, null, refusal,
                                refusal.status() == 412 ? "Le brouillon a changé depuis que vous l’avez ouvert : il n’a pas été abandonné. "
                                        + "Relisez-le, puis recommencez si vous voulez toujours l’abandonner."
                                        : EditorMessages.saving(refusal, null)))));
    }

    // The steps

    private interface WithDraft {
        Mono<ServerResponse> then(Viewer viewer, MultiValueMap<String, String> form, Draft draft);
    }

    /** The editor form's text saved to the draft first (it may be newer than the last autosave), then {@code action}. */
    private Mono<ServerResponse> withText(ServerRequest request, WithDraft action) {
        String edition = edition(request);
        String slug = slug(request);
        return pages.forViewer(request, edition, viewer -> request.formData().flatMap(form -> text.save(viewer, edition, slug, form)
                .onErrorResume(error -> Mono.error(new NotSaved(error)))
                .flatMap(draft -> action.then(viewer, form, draft))
                .onErrorResume(NotSaved.class, notSaved -> text.refused(viewer, edition, slug, form, notSaved.getCause()))));
    }

    /** The text could not be saved: answered as a save's refusal, not as the action's. */
    private static final class NotSaved extends RuntimeException {
        NotSaved(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private Mono<ServerResponse> act(Viewer viewer, ServerRequest request, MultiValueMap<String, String> form, String action, long revision,
                                     Map<String, Object> fields, String done) {
        return editor.drafts().act(viewer.caller(), edition(request), slug(request), action, revision, fields)
                .flatMap(draft -> done(request, done))
                .onErrorResume(BackendRefusal.class, refusal -> failed(viewer, request, form, refusal, actionRefusal(action, refusal)));
    }

    private Mono<ServerResponse> failed(Viewer viewer, ServerRequest request, MultiValueMap<String, String> form, BackendRefusal refusal,
                                        String message) {
        return editor.again(viewer, edition(request), slug(request), form, EditorPages.status(refusal), view -> view.withMessages(null, message));
    }

    /** The 409 with the three versions: the conflict screen, merging the draft with what was published since its base. */
    private Mono<ServerResponse> conflict(Viewer viewer, ServerRequest request, Draft draft, JsonNode problem) {
        ChapterText base = version(problem.path("base"));
        ChapterText mine = version(problem.path("draft"));
        ChapterText published = version(problem.path("published"));
        // Who published it and when: the chapter as it now is, when it is still that revision.
        return editor.chapter(viewer.caller(), edition(request), slug(request))
                .map(current -> current.revision() == published.revision() ? current : published)
                .onErrorReturn(published)
                .flatMap(theirs -> editor.conflict(viewer, edition(request), slug(request), draft.revision(), base, mine.title(), mine.body(),
                        theirs, Map.of(), null, HttpStatus.CONFLICT));
    }

    private static ChapterText version(JsonNode json) {
        return new ChapterText("", json.path("title").asString(""), json.path("body").asString(""), json.path("revision").asLong(-1), "",
                null, "");
    }

    private static String publishRefusal(BackendRefusal refusal) {
        if (refusal.status() == 409 && refusal.errors().stream().anyMatch(e -> e.field().equals("review"))) {
            return "Ce chapitre doit être approuvé par un relecteur avant d’être publié : soumettez-le pour relecture. "
                    + "Votre brouillon est enregistré.";
        }
        return refusal.status() == 412 ? "Le brouillon a changé pendant que vous publiiez : rien n’a été publié. Relisez-le, puis publiez."
                : EditorMessages.saving(refusal, null).replace(EditorMessages.NOT_SAVED, " Rien n’a été publié.");
    }

    private static String actionRefusal(String action, BackendRefusal refusal) {
        return switch (refusal.status()) {
            case 403 -> action.equals("approve")
                    ? "Vous avez écrit la dernière version de ce brouillon : quelqu’un d’autre doit l’approuver."
                    : "Vous n’avez pas le droit de faire cela sur ce brouillon : c’est réservé à "
                            + (action.equals("approve") || action.equals("request-changes") ? "la relecture." : "l’équipe du chapitre.");
            case 404 -> "Ce chapitre n’a plus de brouillon (il a été publié ou abandonné entre-temps).";
            case 412, 428 -> "Le brouillon a changé depuis que vous l’avez ouvert : relisez la nouvelle version, puis recommencez.";
            default -> EditorMessages.saving(refusal, null).replace(EditorMessages.NOT_SAVED, "");
        };
    }

    private static Map<String, Object> comment(MultiValueMap<String, String> form, String field) {
        Map<String, Object> fields = new LinkedHashMap<>();
        String comment = EditorPages.text(form, field).strip();
        if (!comment.isEmpty()) {
            fields.put("comment", comment);
        }
        return fields;
    }

    private static Mono<ServerResponse> done(ServerRequest request, String what) {
        return StudioPages.seeOther(ChapterEditorHandler.editorPath(edition(request), slug(request)) + "?fait=" + what + "");
    }

    private static String edition(ServerRequest request) {
        return request.pathVariable("edition");
    }

    private static String slug(ServerRequest request) {
        return request.pathVariable("slug");
    }
}
