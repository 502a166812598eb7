package org.reportplatform.gateway.studio.chapters;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.reportplatform.gateway.accounts.FormState;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.PublicationForm;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.gateway.studio.chapters.ParagraphMerge.Result;
import org.reportplatform.gateway.studio.drafts.Draft;
import org.reportplatform.gateway.studio.drafts.DraftsApi;
import org.reportplatform.gateway.studio.editions.Edition;
import org.reportplatform.gateway.studio.editions.EditionsApi;
import org.reportplatform.gateway.studio.translations.TranslationRow;
import org.reportplatform.gateway.studio.translations.TranslationsApi;
import org.reportplatform.gateway.ui.UiPages;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The chapter editor's pages, shared by its handlers: the editor as it stands (the chapter, its
 * open draft, what the person may do), the same page again after a refusal with the person's own
 * text, and the conflict screen. Everything is read as the person looking.
 */
final class EditorPages {

    static final String CHAPTER = "/api/editions/{edition}/chapters/{slug}";

    private final Backends backends;
    private final DraftsApi drafts;
    private final EditionsApi editions;
    private final TranslationsApi translations;
    private final StudioPages pages;
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;

    EditorPages(Backends backends, StudioPages pages, ZoneId zone) {
        this.backends = backends;
        this.drafts = new DraftsApi(backends.content());
        this.editions = new EditionsApi(backends.content());
        this.translations = new TranslationsApi(backends.content());
        this.pages = pages;
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRENCH).withZone(zone);
    }

    DraftsApi drafts() {
        return drafts;
    }

    StudioPages pages() {
        return pages;
    }

    ZoneId zone() {
        return zone;
    }

    DateTimeFormatter dateTime() {
        return dateTime;
    }

    /** The editor as it stands: the draft's text if there is one, else the published one (and its preview). */
    Mono<EditorView> view(Viewer viewer, String edition, String slug) {
        Caller caller = viewer.caller();
        // The translations are extra: a content-service that cannot list them leaves the editor as it was.
        Mono<List<TranslationRow>> translated = translations.rows(caller, edition, slug).onErrorReturn(List.of());
        return Mono.zip(chapter(caller, edition, slug), drafts.find(caller, edition, slug), editions.describe(caller, edition), translated)
                .flatMap(both -> {
                    ChapterText chapter = both.getT1();
                    Draft draft = both.getT2().orElse(null);
                    Edition described = both.getT3();
                    boolean mayEdit = caller.mayEdit(chapter.ownerTeam());
                    String title = draft == null ? chapter.title() : draft.title();
                    String body = draft == null ? chapter.body() : draft.body();
                    Mono<Optional<Preview>> preview = draft != null ? Mono.just(Optional.empty())
                            : Preview.of(backends.render(), caller, edition, slug, title, body).map(Optional::of);
                    PublicationForm schedule = draft != null && draft.scheduled()
                            ? PublicationForm.showing(draft.schedule().localDateTime(), draft.schedule().timeZone())
                            : PublicationForm.empty(zone.getId());
                    return preview.map(shown -> new EditorView(edition, slug, title, body, draft, chapter.revision(), chapter.ownerTeam(),
                            mayEdit && !described.closed(), !described.closed() && (caller.isAdmin() || caller.has(Role.REVIEWER)),
                            lastPublished(chapter), shown.orElse(null), FormState.empty(), schedule, null, null, null, described,
                            described.targetLanguages().isEmpty() ? List.of() : both.getT4(), mayEdit && described.closed()));
                });
    }

    Mono<ChapterText> chapter(Caller caller, String edition, String slug) {
        return backends.content().get(caller, CHAPTER, edition, slug).fetchJson().map(answer -> ChapterText.of(answer.body()));
    }

    Mono<ChapterText> revisionOf(Caller caller, String edition, String slug, long revision) {
        return backends.content().get(caller, CHAPTER + "/revisions/{n}", edition, slug, revision).fetchJson()
                .map(answer -> ChapterText.of(answer.body()));
    }

    Mono<ServerResponse> show(HttpStatusCode status, Viewer viewer, EditorView view) {
        return AccessibilityNotes.of(backends, viewer.caller(), view.edition(), view.slug(), view.hasDraft()).flatMap(accessibility -> {
            byte[] html = UiPages.render("studio/chapters/editor.jte",
                    Map.of("viewer", viewer, "view", view, "labels", pages.labels(), "accessibility", accessibility));
            return view.preview() == null ? UiPages.respond(status, html)
                    : UiPages.respond(status, html, UiPages.contentSecurityPolicyWithStyles(view.preview().styleHashes()));
        });
    }

    /**
     * The editor again after a refusal, with the person's title and text from the form (nothing they
     * typed is lost) and the draft as it now stands (its revision: saving again goes on it).
     */
    Mono<ServerResponse> again(Viewer viewer, String edition, String slug, MultiValueMap<String, String> form, HttpStatusCode status,
                               java.util.function.UnaryOperator<EditorView> change) {
        return view(viewer, edition, slug)
                .map(view -> form == null || form.getFirst("body") == null ? view
                        : view.withText(text(form, "title"), text(form, "body"), FormState.empty()))
                .flatMap(view -> show(status, viewer, change.apply(view)))
                .onErrorResume(error -> pages.failed(viewer, edition, error));
    }

    /** The conflict screen (ParagraphMerge): the draft's text merged with what was published since the draft's base. */
    Mono<ServerResponse> conflict(Viewer viewer, String edition, String slug, long draftRevision, ChapterText base, String mineTitle,
                                  String mineBody, ChapterText published, Map<String, String> choices, String error, HttpStatusCode status) {
        Result merge = ParagraphMerge.merge(base.body(), mineBody, published.body());
        String title = ParagraphMerge.line(base.title(), mineTitle, published.title()).orElse(null);
        String name = published.updatedByName().isBlank() ? "une autre personne" : published.updatedByName();
        ConflictView view = new ConflictView(edition, slug, base.revision(), draftRevision, published, name,
                published.updatedAt() == null ? "" : dateTime.format(published.updatedAt()), mineTitle, mineBody, title, merge,
                SideBySide.of(mineBody, published.body()), Map.copyOf(choices), error);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("viewer", viewer);
        parameters.put("view", view);
        return UiPages.respond(status, UiPages.render("studio/chapters/conflict.jte", parameters));
    }

    static HttpStatusCode status(Throwable error) {
        if (error instanceof BackendRefusal refusal) {
            return refusal.status() >= 500 ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatusCode.valueOf(refusal.status());
        }
        return HttpStatus.SERVICE_UNAVAILABLE;
    }

    static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.replace("\r\n", "\n");
    }

    /** A revision number from the form; -1 when absent (a draft not started yet) or unreadable. */
    static long revision(MultiValueMap<String, String> form, String name) {
        String text = text(form, name);
        return text.matches("\\d{1,18}") ? Long.parseLong(text) : -1;
    }

    private String lastPublished(ChapterText chapter) {
        if (chapter.updatedAt() == null) {
            return "Publié : révision " + chapter.revision() + ".";
        }
        return "Publié : révision " + chapter.revision() + ", le " + dateTime.format(chapter.updatedAt())
                + (chapter.updatedByName().isBlank() ? "" : " par " + chapter.updatedByName()) + ".";
    }
}
