package org.reportplatform.gateway.studio.translations;

import java.util.Optional;
import org.reportplatform.gateway.accounts.FormState;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.StudioLabels;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.gateway.studio.StudioProblems;
import org.reportplatform.gateway.studio.editions.Edition;
import org.reportplatform.gateway.studio.editions.EditionsApi;
import org.reportplatform.gateway.studio.editions.Languages;
import org.reportplatform.gateway.studio.history.Comparison;
import org.reportplatform.gateway.studio.history.HistoryKind;
import org.reportplatform.gateway.studio.history.HistoryReader;
import org.reportplatform.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The translation editor, {@code /studio/{edition}/chapitres/{slug}/traductions/{lang}}: the source
 * chapter read-only beside the translation's Titre and Texte; when the translation is stale, the
 * source's changes since the revision it translates (the history's comparison, one
 * implementation). « Enregistrer la traduction » records it as translating the source revision
 * the page showed, which clears « À mettre à jour ».
 */
final class TranslationEditorHandler {

    private static final String CHAPTER = "/api/editions/{edition}/chapters/{slug}";

    private final StudioPages pages;
    private final Backends backends;
    private final TranslationsApi translations;
    private final EditionsApi editions;
    private final HistoryReader history;

    TranslationEditorHandler(StudioPages pages, Backends backends) {
        this.pages = pages;
        this.backends = backends;
        this.translations = new TranslationsApi(backends.content());
        this.editions = new EditionsApi(backends.content());
        this.history = new HistoryReader(backends);
    }

    /** GET: the editor ({@code ?fait=enregistree} after a save). */
    Mono<ServerResponse> page(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        String language = request.pathVariable("lang");
        boolean saved = request.queryParam("fait").filter("enregistree"::equals).isPresent();
        return pages.forViewer(request, edition, viewer -> view(viewer, edition, slug, language)
                .flatMap(view -> view.isEmpty() ? notTranslated(viewer, edition, language)
                        : show(viewer, HttpStatus.OK, saved ? view.get().with(view.get().title(), view.get().body(), view.get().formRevision(),
                                FormState.empty(), "Traduction enregistrée (révision " + view.get().translation().revision() + ").", null)
                                : view.get())));
    }

    /** POST « Enregistrer la traduction »: created or changed on the revision the page showed; 303 back. */
    Mono<ServerResponse> save(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        String language = request.pathVariable("lang");
        return pages.forViewer(request, edition, viewer -> request.formData().flatMap(data -> {
            String title = text(data, "title");
            String body = text(data, "body");
            Long revision = number(data.getFirst("revision"));
            Long source = number(data.getFirst("sourceRevision"));
            String team = viewer.isAdmin() ? text(data, "translatorTeam").strip() : "";
            return translations.save(viewer.caller(), edition, slug, language, revision, title, body, source == null ? 0 : source,
                            team.isEmpty() ? null : team)
                    .flatMap(saved -> StudioPages.seeOther(path(edition, slug, language) + "?fait=enregistree"))
                    .onErrorResume(BackendRefusal.class, refusal -> refusal.status() >= 500 || refusal.status() == 404 ? Mono.error(refusal)
                            : refused(viewer, edition, slug, language, data, refusal));
        }));
    }

    /** The editor again with the person's text (nothing typed is lost) and what went wrong, beside the fields. */
    private Mono<ServerResponse> refused(Viewer viewer, String edition, String slug, String language, MultiValueMap<String, String> data,
            BackendRefusal refusal) {
        return view(viewer, edition, slug, language).flatMap(found -> {
            if (found.isEmpty()) {
                return notTranslated(viewer, edition, language);
            }
            TranslationView view = found.get();
            FormState form = FormState.of(data);
            String error;
            Long onRevision = number(data.getFirst("revision"));
            if (refusal.status() == 412 || (refusal.status() == 428 && view.translation() != null)) {
                Translation now = view.translation();
                error = (now == null || now.updatedByName() == null ? "Quelqu’un" : now.updatedByName()) + " a enregistré cette traduction"
                        + (now == null || now.updatedAt() == null ? "" : " le " + pages.labels().dateTime(now.updatedAt()))
                        + " pendant que vous écriviez. Votre texte n’est pas enregistré : il est toujours dans le formulaire. "
                        + "« Enregistrer la traduction » le mettra à la place de la révision " + (now == null ? "" : now.revision())
                        + " (voir son texte dans l’historique), ou rechargez la page pour reprendre la version enregistrée.";
                onRevision = now == null ? null : now.revision();
            } else if (refusal.status() == 409) {
                error = "Rien n’a été enregistré : " + closedOrConflict(view.edition(), refusal);
            } else {
                for (BackendRefusal.FieldProblem problem : refusal.errors()) {
                    if (problem.field().equals("title") || problem.field().equals("body")) {
                        form = form.withError(problem.field(), StudioLabels.field(problem.field()).substring(0, 1).toUpperCase()
                                + StudioLabels.field(problem.field()).substring(1) + " : " + problem.problem());
                    }
                }
                error = StudioProblems.general(refusal);
            }
            return show(viewer, HttpStatusCode.valueOf(refusal.status()),
                    view.with(text(data, "title"), text(data, "body"), onRevision, form, null, error));
        });
    }

    private Mono<Optional<TranslationView>> view(Viewer viewer, String edition, String slug, String language) {
        Caller caller = viewer.caller();
        return editions.describe(caller, edition).flatMap(described -> {
            if (!described.translatesInto(language)) {
                return Mono.just(Optional.<TranslationView>empty());
            }
            return Mono.zip(backends.content().get(caller, CHAPTER, edition, slug).fetchJson(),
                            translations.find(caller, edition, slug, language))
                    .flatMap(both -> {
                        JsonNode chapter = both.getT1().body();
                        long current = chapter.path("revision").asLong(both.getT1().revision());
                        String owner = chapter.path("ownerTeam").asString("");
                        Translation translation = both.getT2().orElse(null);
                        boolean editable = !described.closed() && (caller.mayEdit(owner) || (translation != null
                                && translation.translatorTeam() != null && caller.teams().contains(translation.translatorTeam())));
                        Mono<Optional<Comparison>> changes = translation == null || !translation.stale()
                                ? Mono.just(Optional.empty())
                                : history.compare(HistoryKind.CHAPTERS, caller, edition, slug, translation.sourceRevision(), current)
                                        .map(Optional::of);
                        return changes.map(comparison -> Optional.of(new TranslationView(described, slug, language,
                                chapter.path("title").asString(""), chapter.path("body").asString(""), current, owner, translation,
                                translation == null ? "" : translation.title(), translation == null ? "" : translation.body(),
                                translation == null ? null : translation.revision(), comparison.orElse(null), editable, caller.isAdmin(),
                                FormState.empty(), null, null)));
                    });
        });
    }

    private Mono<ServerResponse> show(Viewer viewer, HttpStatusCode status, TranslationView view) {
        return pages.render(status, "translations/editor.jte", pages.model(viewer, view.edition().edition()).put("view", view));
    }

    private Mono<ServerResponse> notTranslated(Viewer viewer, String edition, String language) {
        return pages.notFound(viewer, edition, "L’édition " + edition + " n’est pas traduite " + Languages.into(language)
                + ". Les langues de traduction d’une édition se choisissent dans ses réglages (administrateurs).");
    }

    private static String closedOrConflict(Edition edition, BackendRefusal refusal) {
        if (edition.closed() || refusal.errors().stream().anyMatch(problem -> problem.field().equals("edition"))) {
            return "l’édition " + edition.edition() + " est close : elle ne se corrige plus que par un erratum sur le texte "
                    + Languages.name(edition.sourceLanguage()) + ".";
        }
        return StudioProblems.general(refusal);
    }

    static String path(String edition, String slug, String language) {
        return "/studio/" + edition + "/chapitres/" + slug + "/traductions/" + language;
    }

    private static String text(MultiValueMap<String, String> data, String name) {
        String value = data.getFirst(name);
        return value == null ? "" : value.replace("\r\n", "\n");
    }

    private static Long number(String text) {
        return text == null || !text.strip().matches("[0-9]{1,18}") ? null : Long.valueOf(text.strip());
    }
}
