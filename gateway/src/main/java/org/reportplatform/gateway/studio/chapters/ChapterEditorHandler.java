package org.reportplatform.gateway.studio.chapters;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.reportplatform.gateway.accounts.FormState;
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
import org.springframework.http.HttpStatusCode;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The chapter editor, {@code /studio/{edition}/chapitres/{slug}}: the form (title, Markdown text,
 * the base revision), its live preview, saving with {@code If-Match}, the conflict screen and the
 * merge, and who else has the chapter open. Every call to a service is made as the person looking
 * (the services decide what they may do; the page only hides what they may not).
 */
final class ChapterEditorHandler {

    private static final Logger log = LoggerFactory.getLogger(ChapterEditorHandler.class);
    private static final Set<String> FIELDS = Set.of("title", "body");
    private static final String CHAPTER = "/api/editions/{edition}/chapters/{slug}";

    private final Backends backends;
    private final ChapterPresence presence;
    private final StudioPages pages;
    private final DateTimeFormatter dateTime;

    ChapterEditorHandler(Backends backends, ChapterPresence presence, StudioPages pages, ZoneId zone) {
        this.backends = backends;
        this.presence = presence;
        this.pages = pages;
        this.dateTime = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRENCH).withZone(zone);
    }

    /** GET: the editor (or the chapter read-only for someone who may not edit it); {@code ?enregistre=n} after a save. */
    Mono<ServerResponse> page(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        String saved = request.queryParam("enregistre").filter(n -> n.matches("\\d{1,18}")).orElse(null);
        return pages.forViewer(request, edition, viewer -> backends.content().get(viewer.caller(), CHAPTER, edition, slug).fetchJson()
                .map(answer -> ChapterText.of(answer.body()))
                .flatMap(chapter -> Preview.of(backends.render(), viewer.caller(), edition, slug, chapter.title(), chapter.body())
                        .flatMap(preview -> editor(HttpStatus.OK, viewer, new EditorView(edition, slug, chapter.title(), chapter.body(),
                                chapter.revision(), chapter.ownerTeam(), viewer.caller().mayEdit(chapter.ownerTeam()), lastSaved(chapter),
                                preview, FormState.empty(), savedNotice(saved, chapter),
                                null)))));
    }

    /** POST (htmx): the preview of the title and text as typed, and the warnings beside their fields. */
    Mono<ServerResponse> preview(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        return pages.forViewer(request, edition, viewer -> request.formData().flatMap(form -> {
            String title = value(form, "title");
            String body = value(form, "body");
            return Preview.of(backends.render(), viewer.caller(), edition, slug, title, body)
                    .flatMap(preview -> fragment("preview.jte", Map.of("preview", preview, "titleEmpty", title.isBlank())));
        }));
    }

    /** POST: saves the title and text on the base revision; a 412 opens the conflict screen. */
    Mono<ServerResponse> save(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        return pages.forViewer(request, edition, viewer -> request.formData().flatMap(form -> {
            long base = revision(value(form, "base"));
            String title = value(form, "title");
            String body = value(form, "body");
            if (base < 0) {
                return editorAgain(viewer, edition, slug, title, body, base, FormState.empty(), HttpStatus.BAD_REQUEST,
                        "La révision de départ manque. Copiez votre texte, rechargez la page, puis recollez-le." + EditorMessages.NOT_SAVED);
            }
            return put(viewer, edition, slug, base, title, body,
                    refusal -> conflict(viewer, edition, slug, base, title, body, Map.of(), null));
        }));
    }

    /** POST: the merge as the person settled it, saved on the revision it merged with. */
    Mono<ServerResponse> saveMerge(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        return pages.forViewer(request, edition, viewer -> request.formData().flatMap(form -> {
            long base = revision(value(form, "base"));
            long theirs = revision(value(form, "theirs"));
            String mineTitle = value(form, "mineTitle");
            String mineBody = value(form, "mineBody");
            Map<String, String> choices = new HashMap<>();
            form.forEach((name, values) -> {
                if ((name.equals("title-choice") || name.matches("c\\d{1,6}")) && !values.isEmpty()
                        && (values.get(0).equals("mine") || values.get(0).equals("theirs"))) {
                    choices.put(name.equals("title-choice") ? "title" : name.substring(1), values.get(0));
                }
            });
            return Mono.zip(revisionOf(viewer, edition, slug, base), revisionOf(viewer, edition, slug, theirs))
                    .flatMap(pair -> {
                        ChapterText original = pair.getT1();
                        ChapterText saved = pair.getT2();
                        Result merge = ParagraphMerge.merge(original.body(), mineBody, saved.body());
                        String title = ParagraphMerge.line(original.title(), mineTitle, saved.title())
                                .orElseGet(() -> side(choices.get("title"), mineTitle, saved.title()));
                        boolean complete = title != null
                                && merge.conflicts().stream().allMatch(c -> choices.containsKey(Integer.toString(c.number())));
                        if (!complete) {
                            return conflictScreen(viewer, edition, slug, original, mineTitle, mineBody, saved, choices,
                                    "Choisissez une version pour chaque passage signalé, puis enregistrez la fusion.", HttpStatus.BAD_REQUEST);
                        }
                        String body = merge.text(n -> "mine".equals(choices.get(Integer.toString(n))) ? Side.MINE : Side.THEIRS);
                        // Stale again: the merged text is now "mine", made from the revision just merged with.
                        return put(viewer, edition, slug, saved.revision(), title, body,
                                refusal -> conflict(viewer, edition, slug, saved.revision(), title, body, Map.of(), null));
                    })
                    .onErrorResume(error -> editorAgain(viewer, edition, slug, mineTitle, mineBody, base, FormState.empty(),
                            status(error), EditorMessages.saving(error, null)));
        }));
    }

    /** GET (htmx poll): says the person is here (unless only reading), and who else is. */
    Mono<ServerResponse> presence(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        boolean reading = request.queryParam("lecture").isPresent();
        return pages.forViewer(request, edition, viewer -> {
            if (presence == null) {
                return fragment("presence.jte", Map.of("others", List.of()));
            }
            Mono<Void> here = reading ? Mono.empty() : presence.here(edition, slug, viewer.caller());
            return here.onErrorResume(error -> {
                        log.warn("presence not announced: {}", error.toString());
                        return Mono.empty();
                    })
                    .then(Mono.fromSupplier(() -> presence.others(edition, slug, viewer.caller())))
                    .flatMap(others -> fragment("presence.jte", Map.of("others", others)));
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

    // Saving

    private interface OnConflict {
        Mono<ServerResponse> handle(BackendRefusal refusal);
    }

    private Mono<ServerResponse> put(Viewer viewer, String edition, String slug, long base, String title, String body,
                                     OnConflict onConflict) {
        Map<String, Object> chapter = new LinkedHashMap<>();
        chapter.put("title", title);
        chapter.put("body", body);
        return backends.content().put(viewer.caller(), CHAPTER, edition, slug).ifMatch(base).json(chapter).fetchJson()
                .flatMap(answer -> {
                    long revision = answer.revision() >= 0 ? answer.revision() : answer.body().path("revision").asLong();
                    return StudioPages.seeOther("/studio/" + edition + "/chapitres/" + slug + "?enregistre=" + revision);
                })
                .onErrorResume(BackendRefusal.class, refusal -> refusal.status() == 412 ? onConflict.handle(refusal)
                        : refused(viewer, edition, slug, base, title, body, refusal))
                .onErrorResume(error -> !(error instanceof BackendRefusal), error -> {
                    log.warn("chapter {}/{} not saved: {}", edition, slug, error.toString());
                    return editorAgain(viewer, edition, slug, title, body, base, FormState.empty(), HttpStatus.SERVICE_UNAVAILABLE,
                            EditorMessages.saving(error, null));
                });
    }

    private Mono<ServerResponse> refused(Viewer viewer, String edition, String slug, long base, String title, String body,
                                         BackendRefusal refusal) {
        FormState explained = FormState.empty();
        for (BackendRefusal.FieldProblem problem : refusal.errors()) {
            if (FIELDS.contains(problem.field())) {
                explained = explained.withError(problem.field(), EditorMessages.field(problem.field(), problem.problem()));
            }
        }
        if (refusal.status() >= 500) {
            log.warn("chapter {}/{} not saved: {}", edition, slug, refusal.toString());
        }
        return editorAgain(viewer, edition, slug, title, body, base, explained, status(refusal), EditorMessages.saving(refusal, null));
    }

    /** The editor again with the person's own title and text (nothing they typed is lost) and what went wrong. */
    private Mono<ServerResponse> editorAgain(Viewer viewer, String edition, String slug, String title, String body, long base,
                                             FormState form, HttpStatusCode status, String error) {
        return Preview.of(backends.render(), viewer.caller(), edition, slug, title, body)
                .flatMap(preview -> editor(status, viewer, new EditorView(edition, slug, title, body, base, "", true, null, preview,
                        form, null, error)));
    }

    // Conflicts

    private Mono<ServerResponse> conflict(Viewer viewer, String edition, String slug, long base, String mineTitle, String mineBody,
                                          Map<String, String> choices, String error) {
        return Mono.zip(revisionOf(viewer, edition, slug, base),
                        backends.content().get(viewer.caller(), CHAPTER, edition, slug).fetchJson().map(a -> ChapterText.of(a.body())))
                .flatMap(pair -> sameWords(pair.getT1(), pair.getT2())
                        // The newer revisions changed only the chapter's place, team or language (an admin moved
                        // another chapter, which renumbers the ones after it): nobody's words are at stake, so the
                        // person's text is saved on the current revision instead of showing a conflict of nothing.
                        ? put(viewer, edition, slug, pair.getT2().revision(), mineTitle, mineBody,
                                refusal -> conflict(viewer, edition, slug, pair.getT2().revision(), mineTitle, mineBody, choices, error))
                        : conflictScreen(viewer, edition, slug, pair.getT1(), mineTitle, mineBody, pair.getT2(), choices, error,
                                HttpStatus.CONFLICT))
                .onErrorResume(failure -> editorAgain(viewer, edition, slug, mineTitle, mineBody, base, FormState.empty(), status(failure),
                        "Quelqu’un a enregistré ce chapitre pendant que vous écriviez, et sa version n’a pas pu être lue. "
                                + "Réessayez dans un instant." + EditorMessages.NOT_SAVED));
    }

    private static boolean sameWords(ChapterText base, ChapterText current) {
        return current.revision() > base.revision() && base.title().equals(current.title()) && base.body().equals(current.body());
    }

    private Mono<ServerResponse> conflictScreen(Viewer viewer, String edition, String slug, ChapterText original, String mineTitle,
                                                String mineBody, ChapterText theirs, Map<String, String> choices, String error,
                                                HttpStatusCode status) {
        Result merge = ParagraphMerge.merge(original.body(), mineBody, theirs.body());
        String title = ParagraphMerge.line(original.title(), mineTitle, theirs.title()).orElse(null);
        String name = theirs.updatedByName().isBlank() ? "une autre personne" : theirs.updatedByName();
        ConflictView view = new ConflictView(edition, slug, original.revision(), theirs, name,
                theirs.updatedAt() == null ? "" : dateTime.format(theirs.updatedAt()), mineTitle, mineBody, title, merge,
                SideBySide.of(mineBody, theirs.body()), Map.copyOf(choices), error);
        return page(status, "conflict.jte", viewer, Map.of("view", view));
    }

    private Mono<ChapterText> revisionOf(Viewer viewer, String edition, String slug, long revision) {
        return backends.content().get(viewer.caller(), CHAPTER + "/revisions/{n}", edition, slug, revision).fetchJson()
                .map(answer -> ChapterText.of(answer.body()));
    }

    private static String side(String choice, String mine, String theirs) {
        if ("mine".equals(choice)) {
            return mine;
        }
        return "theirs".equals(choice) ? theirs : null;
    }

    // Pages

    private Mono<ServerResponse> editor(HttpStatusCode status, Viewer viewer, EditorView view) {
        byte[] html = UiPages.render("studio/chapters/editor.jte", Map.of("viewer", viewer, "view", view));
        return UiPages.respond(status, html, UiPages.contentSecurityPolicyWithStyles(view.preview().styleHashes()));
    }

    private Mono<ServerResponse> page(HttpStatusCode status, String template, Viewer viewer, Map<String, Object> parameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("viewer", viewer);
        return UiPages.respond(status, UiPages.render("studio/chapters/" + template, all));
    }

    private Mono<ServerResponse> fragment(String template, Map<String, Object> parameters) {
        return UiPages.respond(HttpStatus.OK, UiPages.render("studio/chapters/" + template, parameters));
    }

    private static HttpStatusCode status(Throwable error) {
        if (error instanceof BackendRefusal refusal) {
            return refusal.status() >= 500 ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatusCode.valueOf(refusal.status());
        }
        return HttpStatus.SERVICE_UNAVAILABLE;
    }

    /**
     * The confirmation after a save (the redirect's {@code ?enregistre=n}); only for a revision the
     * chapter has reached, so a hand-made link cannot announce a save that never happened.
     */
    private static String savedNotice(String saved, ChapterText chapter) {
        if (saved == null || Long.parseLong(saved) > chapter.revision()) {
            return null;
        }
        return "Enregistré : révision " + saved + ". La page publique est à jour dans quelques secondes.";
    }

    private String lastSaved(ChapterText chapter) {
        if (chapter.updatedAt() == null) {
            return "Révision " + chapter.revision() + ".";
        }
        return "Révision " + chapter.revision() + ", enregistrée le " + dateTime.format(chapter.updatedAt())
                + (chapter.updatedByName().isBlank() ? "" : " par " + chapter.updatedByName()) + ".";
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.replace("\r\n", "\n");
    }

    private static long revision(String text) {
        return text.matches("\\d{1,18}") ? Long.parseLong(text) : -1;
    }
}
