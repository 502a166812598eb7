package org.reportplatform.gateway.studio.chapters;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.presence.ChapterPresence;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.gateway.studio.chapters.ParagraphMerge.Result;
import org.reportplatform.gateway.studio.chapters.ParagraphMerge.Side;
import org.reportplatform.gateway.ui.UiPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The chapter editor, {@code /studio/{edition}/chapitres/{slug}}: the form on the chapter's draft
 * (title, Markdown text, the draft's revision), saving the draft (the form's button, or the
 * script's autosave), the merge after a publication conflict, the warnings as the person types,
 * and who else has the chapter open. The draft's actions (publish, review, schedule, discard) are
 * {@link DraftActionsHandler}'s. Every call to a service is made as the person looking.
 */
final class ChapterEditorHandler {

    private static final Logger log = LoggerFactory.getLogger(ChapterEditorHandler.class);

    private final Backends backends;
    private final ChapterPresence presence;
    private final EditorPages editor;
    private final StudioPages pages;
    private final DraftText drafts;

    ChapterEditorHandler(Backends backends, ChapterPresence presence, EditorPages editor, DraftText drafts) {
        this.backends = backends;
        this.presence = presence;
        this.editor = editor;
        this.pages = editor.pages();
        this.drafts = drafts;
    }

    /** GET: the editor (or the chapter read-only for someone who may not write it); {@code ?fait=…} after an action. */
    Mono<ServerResponse> page(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        String done = request.queryParam("fait").orElse(null);
        return pages.forViewer(request, edition, viewer -> editor.view(viewer, edition, slug)
                .flatMap(view -> editor.show(HttpStatus.OK, viewer, view.withMessages(EditorMessages.done(done, view, editor.zone()), null))));
    }

    /** POST (htmx): the warnings beside the fields for the title and text as typed (missing figures, an empty title). */
    Mono<ServerResponse> preview(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        return pages.forViewer(request, edition, viewer -> request.formData().flatMap(form -> {
            String title = EditorPages.text(form, "title");
            String body = EditorPages.text(form, "body");
            return Preview.of(backends.render(), viewer.caller(), edition, slug, title, body)
                    .flatMap(preview -> UiPages.respond(HttpStatus.OK, UiPages.render("studio/chapters/preview.jte",
                            Map.of("preview", preview, "titleEmpty", title.isBlank()))));
        }));
    }

    /** POST « Enregistrer le brouillon » (the page without its script): the draft saved, 303 back to the editor. */
    Mono<ServerResponse> save(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        return pages.forViewer(request, edition, viewer -> request.formData().flatMap(form -> drafts.save(viewer, edition, slug, form)
                .flatMap(draft -> StudioPages.seeOther(editorPath(edition, slug) + "?fait=brouillon"))
                .onErrorResume(error -> drafts.refused(viewer, edition, slug, form, error))));
    }

    /**
     * POST {@code …/brouillon} (the script's autosave, with {@code If-Match} or {@code If-None-Match: *}
     * as headers or the form's {@code draft}): JSON for the status line, {@code {revision, message}},
     * or on a refusal {@code {message, revision?}} with the refusal's status (412: the draft changed
     * elsewhere, its current revision given so the person may keep their text over it).
     */
    Mono<ServerResponse> autosave(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        return pages.forViewer(request, edition, viewer -> request.formData().flatMap(form -> {
            MultiValueMap<String, String> sent = withRevisionFromHeaders(request, form);
            return drafts.save(viewer, edition, slug, sent)
                    .flatMap(draft -> json(HttpStatus.OK, Map.of("revision", draft.revision(),
                            "message", EditorMessages.draftSaved(editor.zone(), draft))))
                    .onErrorResume(error -> autosaveRefused(viewer, edition, slug, error));
        }));
    }

    private Mono<ServerResponse> autosaveRefused(Viewer viewer, String edition, String slug, Throwable error) {
        if (error instanceof BackendRefusal refusal && refusal.status() == 412) {
            return editor.drafts().find(viewer.caller(), edition, slug).flatMap(current -> {
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("message", EditorMessages.draftChangedElsewhere(current.orElse(null), editor.dateTime()));
                current.ifPresent(draft -> answer.put("revision", draft.revision()));
                return json(HttpStatus.PRECONDITION_FAILED, answer);
            }).onErrorResume(unreadable -> json(HttpStatus.PRECONDITION_FAILED,
                    Map.of("message", EditorMessages.draftChangedElsewhere(null, editor.dateTime()))));
        }
        if (!(error instanceof BackendRefusal)) {
            log.warn("draft {}/{} not saved: {}", edition, slug, error.toString());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", EditorMessages.autosaveFailed(error));
        if (error instanceof BackendRefusal refusal) {
            Map<String, String> fields = new HashMap<>();
            refusal.errors().forEach(problem -> fields.put(problem.field(), EditorMessages.field(problem.field(), problem.problem())));
            answer.put("fields", fields);
        }
        return json(EditorPages.status(error), answer);
    }

    /** The script sends the draft's revision as a precondition header, as the API takes it. */
    private static MultiValueMap<String, String> withRevisionFromHeaders(ServerRequest request, MultiValueMap<String, String> form) {
        org.springframework.util.LinkedMultiValueMap<String, String> sent = new org.springframework.util.LinkedMultiValueMap<>(form);
        String ifMatch = request.headers().firstHeader("If-Match");
        if (ifMatch != null) {
            sent.put("draft", List.of(ifMatch.replace("\"", "").strip()));
        } else if ("*".equals(request.headers().firstHeader("If-None-Match"))) {
            sent.put("draft", List.of(""));
        }
        return sent;
    }

    /**
     * POST {@code …/fusion}: the merge as the person settled it on the conflict screen, saved to the
     * draft with {@code baseRevision} = the published revision it was merged with; then the person
     * publishes again.
     */
    Mono<ServerResponse> saveMerge(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        return pages.forViewer(request, edition, viewer -> request.formData().flatMap(form -> {
            long base = EditorPages.revision(form, "base");
            long theirs = EditorPages.revision(form, "theirs");
            long draftRevision = EditorPages.revision(form, "draft");
            String mineTitle = EditorPages.text(form, "mineTitle");
            String mineBody = EditorPages.text(form, "mineBody");
            Map<String, String> choices = new HashMap<>();
            form.forEach((name, values) -> {
                if ((name.equals("title-choice") || name.matches("c\\d{1,6}")) && !values.isEmpty()
                        && (values.get(0).equals("mine") || values.get(0).equals("theirs"))) {
                    choices.put(name.equals("title-choice") ? "title" : name.substring(1), values.get(0));
                }
            });
            return Mono.zip(editor.revisionOf(viewer.caller(), edition, slug, base), editor.revisionOf(viewer.caller(), edition, slug, theirs))
                    .flatMap(pair -> {
                        ChapterText original = pair.getT1();
                        ChapterText published = pair.getT2();
                        Result merge = ParagraphMerge.merge(original.body(), mineBody, published.body());
                        String title = ParagraphMerge.line(original.title(), mineTitle, published.title())
                                .orElseGet(() -> side(choices.get("title"), mineTitle, published.title()));
                        boolean complete = title != null
                                && merge.conflicts().stream().allMatch(c -> choices.containsKey(Integer.toString(c.number())));
                        if (!complete) {
                            return editor.conflict(viewer, edition, slug, draftRevision, original, mineTitle, mineBody, published, choices,
                                    "Choisissez une version pour chaque passage signalé, puis enregistrez la fusion.", HttpStatus.BAD_REQUEST);
                        }
                        String body = merge.text(n -> "mine".equals(choices.get(Integer.toString(n))) ? Side.MINE : Side.THEIRS);
                        return editor.drafts().save(viewer.caller(), edition, slug, draftRevision, title, body, published.revision())
                                .flatMap(saved -> StudioPages.seeOther(editorPath(edition, slug) + "?fait=fusion"))
                                // Published again meanwhile: the merged text is kept in the draft (on its old base),
                                // and publishing shows the conflict with the newest version.
                                .onErrorResume(error -> error instanceof BackendRefusal refusal && refusal.status() == 409,
                                        error -> editor.drafts().save(viewer.caller(), edition, slug, draftRevision, title, body, null)
                                                .flatMap(saved -> StudioPages.seeOther(editorPath(edition, slug) + "?fait=fusion-depassee")));
                    })
                    .onErrorResume(error -> drafts.refused(viewer, edition, slug, textOf(mineTitle, mineBody, draftRevision), error));
        }));
    }

    /** GET (htmx poll): says the person is here (unless only reading), and who else is. */
    Mono<ServerResponse> presence(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        boolean reading = request.queryParam("lecture").isPresent();
        return pages.forViewer(request, edition, viewer -> {
            if (presence == null) {
                return fragment(List.of());
            }
            Mono<Void> here = reading ? Mono.empty() : presence.here(edition, slug, viewer.caller());
            return here.onErrorResume(error -> {
                        log.warn("presence not announced: {}", error.toString());
                        return Mono.empty();
                    })
                    .then(Mono.fromSupplier(() -> presence.others(edition, slug, viewer.caller())))
                    .flatMap(others -> fragment(others));
        });
    }

    /** POST (a beacon when the page is left): the person no longer has the chapter open. */
    Mono<ServerResponse> left(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        return pages.forViewer(request, edition, viewer -> (presence == null ? Mono.<Void>empty() : presence.left(edition, slug, viewer.caller()))
                .onErrorResume(error -> {
                    log.warn("presence not withdrawn: {}", error.toString());
                    return Mono.empty();
                })
                .then(ServerResponse.noContent().build()));
    }

    static String editorPath(String edition, String slug) {
        return "/studio/" + edition + "/chapitres/" + slug;
    }

    private Mono<ServerResponse> fragment(List<?> others) {
        return UiPages.respond(HttpStatus.OK, UiPages.render("studio/chapters/presence.jte", Map.of("others", others)));
    }

    private static Mono<ServerResponse> json(org.springframework.http.HttpStatusCode status, Map<String, ?> body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store").bodyValue(body);
    }

    private static MultiValueMap<String, String> textOf(String title, String body, long draftRevision) {
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        form.add("title", title);
        form.add("body", body);
        form.add("draft", draftRevision < 0 ? "" : Long.toString(draftRevision));
        return form;
    }

    private static String side(String choice, String mine, String theirs) {
        if ("mine".equals(choice)) {
            return mine;
        }
        return "theirs".equals(choice) ? theirs : null;
    }

}
