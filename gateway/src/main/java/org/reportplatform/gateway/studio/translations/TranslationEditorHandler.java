package org.reportplatform.gateway.studio.translations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.reportplatform.gateway.accounts.FormState;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.PublicationForm;
import org.reportplatform.gateway.studio.StudioLabels;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.gateway.studio.StudioProblems;
import org.reportplatform.gateway.studio.drafts.Draft;
import org.reportplatform.gateway.studio.drafts.DraftsApi;
import org.reportplatform.gateway.studio.editions.Edition;
import org.reportplatform.gateway.studio.editions.EditionsApi;
import org.reportplatform.gateway.studio.editions.Languages;
import org.reportplatform.gateway.studio.history.Comparison;
import org.reportplatform.gateway.studio.history.HistoryKind;
import org.reportplatform.gateway.studio.history.HistoryReader;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The translation editor, {@code /studio/{edition}/chapitres/{slug}/traductions/{lang}}: the source
 * chapter read-only beside the translation's draft (Titre and Texte), like the chapter editor's
 * draft: « Enregistrer le brouillon » (and the script's autosave, {@code …/brouillon}), « Demander
 * une relecture », « Publier », « Programmer la publication » (and « Annuler la programmation »), the reviewers' « Approuver » and
 * « Demander des modifications », the review's notes, and the preview of the page in its language
 * ({@code /preview/{edition}/{lang}/{slug}?live}) following the saves. When the translation is stale,
 * the source's changes since the revision it translates (the history's comparison). Nothing is
 * public until published; the draft calls are the chapter editor's ({@link DraftsApi}) on the
 * translation's draft.
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

    private DraftsApi drafts(String language) {
        return DraftsApi.ofTranslations(backends.content(), language);
    }

    /** GET: the editor ({@code ?fait=…} after an action). */
    Mono<ServerResponse> page(ServerRequest request) {
        Address at = Address.of(request);
        String done = request.queryParam("fait").orElse(null);
        return pages.forViewer(request, at.edition(), viewer -> view(viewer, at)
                .flatMap(view -> view.isEmpty() ? notTranslated(viewer, at)
                        : show(viewer, HttpStatus.OK, view.get().withMessages(doneMessage(done, view.get()), null))));
    }

    /** POST « Enregistrer le brouillon » (the page without its script): the text saved to the draft, 303 back. */
    Mono<ServerResponse> save(ServerRequest request) {
        Address at = Address.of(request);
        return withText(request, at, (viewer, form, draft) -> done(at, "brouillon"));
    }

    /** POST {@code …/brouillon}: the script's autosave, JSON {@code {revision, message}} for the status line. */
    Mono<ServerResponse> autosave(ServerRequest request) {
        Address at = Address.of(request);
        return pages.forViewer(request, at.edition(), viewer -> request.formData().flatMap(form -> {
            MultiValueMap<String, String> sent = new LinkedMultiValueMap<>(form);
            String ifMatch = request.headers().firstHeader("If-Match");
            if (ifMatch != null) {
                sent.put("draft", List.of(ifMatch.replace("\"", "").strip()));
            } else if ("*".equals(request.headers().firstHeader("If-None-Match"))) {
                sent.put("draft", List.of(""));
            }
            return saveDraft(viewer, at, sent)
                    .flatMap(draft -> json(HttpStatus.OK, Map.of("revision", draft.revision(),
                            "message", "Brouillon enregistré le " + pages.labels().dateTime(draft.updatedAt()) + ".")))
                    .onErrorResume(BackendRefusal.class, refusal -> {
                        Map<String, Object> answer = new LinkedHashMap<>();
                        answer.put("message", refusal.status() == 412 ? "Ce brouillon a été modifié ailleurs."
                                : "Brouillon non enregistré : " + StudioProblems.general(refusal));
                        return json(HttpStatusCode.valueOf(refusal.status()), answer);
                    });
        }));
    }

    /** POST {@code …/publier}: the text saved to the draft, then published as the translation's next revision. */
    Mono<ServerResponse> publish(ServerRequest request) {
        Address at = Address.of(request);
        return withText(request, at, (viewer, form, draft) -> drafts(at.language()).publish(viewer.caller(), at.edition(), at.slug(),
                        draft.revision())
                .flatMap(published -> done(at, "publiee"))
                .onErrorResume(BackendRefusal.class, refusal -> again(viewer, at, form, refusal, publishRefusal(refusal))));
    }

    /** POST {@code …/soumettre}: saved, then submitted for review. */
    Mono<ServerResponse> submit(ServerRequest request) {
        Address at = Address.of(request);
        return withText(request, at, (viewer, form, draft) -> act(viewer, at, form, "submit", draft.revision(), Map.of(), "soumise"));
    }

    /** POST {@code …/programmer}: saved, then scheduled at the chosen local time. */
    Mono<ServerResponse> schedule(ServerRequest request) {
        Address at = Address.of(request);
        return withText(request, at, (viewer, form, draft) -> {
            PublicationForm time = PublicationForm.of(form, pages.labels().zone());
            return drafts(at.language()).act(viewer.caller(), at.edition(), at.slug(), "schedule", draft.revision(), time.api())
                    .flatMap(scheduled -> done(at, "programmee"))
                    .onErrorResume(BackendRefusal.class, refusal -> {
                        PublicationForm.Refusal explained = refusal.status() == 400 ? time.explain(refusal) : null;
                        return again(viewer, at, form, refusal, explained == null ? StudioProblems.general(refusal) : explained.message());
                    });
        });
    }

    /** POST {@code …/deprogrammer}: the scheduled publication cancelled; the draft stays. */
    Mono<ServerResponse> unschedule(ServerRequest request) {
        Address at = Address.of(request);
        return pages.forViewer(request, at.edition(), viewer -> request.formData().flatMap(form ->
                act(viewer, at, null, "unschedule", revision(form.getFirst("draft")), Map.of(), "deprogrammee")));
    }

    /** GET {@code …/abandonner}: what discarding loses, and the button (no draft: back to the editor). */
    Mono<ServerResponse> confirmDiscard(ServerRequest request) {
        Address at = Address.of(request);
        return pages.forViewer(request, at.edition(), viewer -> view(viewer, at).flatMap(view -> view.isEmpty() ? notTranslated(viewer, at)
                : !view.get().hasDraft() ? StudioPages.seeOther(view.get().path())
                : pages.ok("translations/discard.jte", pages.model(viewer, at.edition()).put("view", view.get()))));
    }

    /** POST {@code …/abandonner}: the draft closed on the revision the person saw; the published translation stays. */
    Mono<ServerResponse> discard(ServerRequest request) {
        Address at = Address.of(request);
        return pages.forViewer(request, at.edition(), viewer -> request.formData().flatMap(form ->
                drafts(at.language()).discard(viewer.caller(), at.edition(), at.slug(), revision(form.getFirst("draft")))
                        .then(done(at, "abandonne"))
                        .onErrorResume(BackendRefusal.class, refusal -> again(viewer, at, null, refusal, refusal.status() == 412
                                ? "Le brouillon a changé depuis que vous l’avez ouvert : il n’a pas été abandonné. Relisez-le, puis "
                                        + "recommencez si vous voulez toujours l’abandonner."
                                : actionRefusal("discard", refusal)))));
    }

    /** POST {@code …/approuver} (reviewers): approves the draft revision the reviewer read. */
    Mono<ServerResponse> approve(ServerRequest request) {
        Address at = Address.of(request);
        return pages.forViewer(request, at.edition(), viewer -> request.formData().flatMap(form ->
                act(viewer, at, null, "approve", revision(form.getFirst("draft")), comment(form), "approuvee")));
    }

    /** POST {@code …/modifications} (reviewers): changes requested, with the comment the team reads (required). */
    Mono<ServerResponse> requestChanges(ServerRequest request) {
        Address at = Address.of(request);
        return pages.forViewer(request, at.edition(), viewer -> request.formData().flatMap(form -> {
            if (text(form, "commentaire").isBlank()) {
                return view(viewer, at).flatMap(view -> view.isEmpty() ? notTranslated(viewer, at)
                        : show(viewer, HttpStatus.BAD_REQUEST, view.get().withMessages(null,
                                "Les modifications n’ont pas été demandées : dites à l’équipe ce qu’il faut modifier dans le commentaire.")));
            }
            return act(viewer, at, null, "request-changes", revision(form.getFirst("draft")), comment(form), "modifications");
        }));
    }

    /** POST {@code …/equipe} (admins): the translator team named, the text as it is. */
    Mono<ServerResponse> assign(ServerRequest request) {
        Address at = Address.of(request);
        return pages.forViewer(request, at.edition(), viewer -> request.formData().flatMap(form -> {
            long revision = revision(form.getFirst("revision"));
            return translations.assign(viewer.caller(), at.edition(), at.slug(), at.language(), revision < 0 ? null : revision,
                            text(form, "translatorTeam").strip())
                    .flatMap(saved -> done(at, "equipe"))
                    .onErrorResume(BackendRefusal.class, refusal -> again(viewer, at, null, refusal,
                            "L’équipe de traduction n’a pas été changée : " + StudioProblems.general(refusal)));
        }));
    }

    // The steps

    /** Where: the edition, the chapter and the language of the page. */
    private record Address(String edition, String slug, String language) {
        static Address of(ServerRequest request) {
            return new Address(request.pathVariable("edition"), request.pathVariable("slug"), request.pathVariable("lang"));
        }
    }

    private interface WithDraft {
        Mono<ServerResponse> then(Viewer viewer, MultiValueMap<String, String> form, Draft draft);
    }

    /** The form's text saved to the draft first (it may be newer than the last autosave), then {@code action}. */
    private Mono<ServerResponse> withText(ServerRequest request, Address at, WithDraft action) {
        return pages.forViewer(request, at.edition(), viewer -> request.formData().flatMap(form -> saveDraft(viewer, at, form)
                .onErrorResume(error -> Mono.error(new NotSaved(error)))
                .flatMap(draft -> action.then(viewer, form, draft))
                .onErrorResume(NotSaved.class, notSaved -> notSaved.getCause() instanceof BackendRefusal refusal
                        ? refused(viewer, at, form, refusal) : Mono.error(notSaved.getCause()))));
    }

    /** The text could not be saved: answered as a save's refusal, not as the action's. */
    private static final class NotSaved extends RuntimeException {
        NotSaved(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** Saves the title and text to the draft: started when the form has no draft revision, else changed on it. */
    private Mono<Draft> saveDraft(Viewer viewer, Address at, MultiValueMap<String, String> form) {
        return drafts(at.language()).save(viewer.caller(), at.edition(), at.slug(), revision(form.getFirst("draft")), text(form, "title"),
                text(form, "body"), null);
    }

    private Mono<ServerResponse> act(Viewer viewer, Address at, MultiValueMap<String, String> form, String action, long revision,
            Map<String, Object> fields, String done) {
        return drafts(at.language()).act(viewer.caller(), at.edition(), at.slug(), action, revision, fields)
                .flatMap(draft -> done(at, done))
                .onErrorResume(BackendRefusal.class, refusal -> again(viewer, at, form, refusal, actionRefusal(action, refusal)));
    }

    /** The draft could not be saved: the editor again with the person's text (nothing typed is lost) and why, beside the fields. */
    private Mono<ServerResponse> refused(Viewer viewer, Address at, MultiValueMap<String, String> data, BackendRefusal refusal) {
        FormState form = FormState.of(data);
        String error;
        if (refusal.status() == 412 || refusal.status() == 428) {
            error = "Quelqu’un a enregistré ce brouillon pendant que vous écriviez. Votre texte n’est pas enregistré : il est toujours "
                    + "dans le formulaire. Enregistrez-le à nouveau pour le mettre à la place, ou rechargez la page pour reprendre "
                    + "le brouillon enregistré.";
        } else if (refusal.status() == 409) {
            error = "Rien n’a été enregistré : " + closedOrConflict(at, refusal);
        } else {
            for (BackendRefusal.FieldProblem problem : refusal.errors()) {
                if (problem.field().equals("title") || problem.field().equals("body")) {
                    form = form.withError(problem.field(), StudioLabels.field(problem.field()).substring(0, 1).toUpperCase()
                            + StudioLabels.field(problem.field()).substring(1) + " : " + problem.problem());
                }
            }
            error = StudioProblems.general(refusal);
        }
        FormState fields = form;
        return editorAgain(viewer, at, HttpStatusCode.valueOf(refusal.status()),
                view -> view.with(text(data, "title"), text(data, "body"), fields, null, error));
    }

    /** An action refused: the editor again (with the person's text when the form carried it) and the reason in words. */
    private Mono<ServerResponse> again(Viewer viewer, Address at, MultiValueMap<String, String> form, BackendRefusal refusal,
            String message) {
        return editorAgain(viewer, at, HttpStatusCode.valueOf(refusal.status()), view -> (form == null ? view
                : view.with(text(form, "title"), text(form, "body"), FormState.empty(), null, null)).withMessages(null, message));
    }

    private Mono<ServerResponse> editorAgain(Viewer viewer, Address at, HttpStatusCode status, Function<TranslationView, TranslationView> change) {
        return view(viewer, at).flatMap(view -> view.isEmpty() ? notTranslated(viewer, at) : show(viewer, status, change.apply(view.get())));
    }

    private Mono<Optional<TranslationView>> view(Viewer viewer, Address at) {
        Caller caller = viewer.caller();
        return editions.describe(caller, at.edition()).flatMap(described -> {
            if (!described.translatesInto(at.language())) {
                return Mono.just(Optional.<TranslationView>empty());
            }
            return Mono.zip(backends.content().get(caller, CHAPTER, at.edition(), at.slug()).fetchJson(),
                            translations.find(caller, at.edition(), at.slug(), at.language()),
                            drafts(at.language()).find(caller, at.edition(), at.slug()))
                    .flatMap(found -> {
                        JsonNode chapter = found.getT1().body();
                        long current = chapter.path("revision").asLong(found.getT1().revision());
                        String owner = chapter.path("ownerTeam").asString("");
                        Translation translation = found.getT2().orElse(null);
                        Draft draft = found.getT3().orElse(null);
                        boolean editable = !described.closed() && (caller.mayEdit(owner) || (translation != null
                                && translation.translatorTeam() != null && caller.teams().contains(translation.translatorTeam())));
                        Mono<Optional<Comparison>> changes = translation == null || !translation.stale()
                                ? Mono.just(Optional.empty())
                                : history.compare(HistoryKind.CHAPTERS, caller, at.edition(), at.slug(), translation.sourceRevision(), current)
                                        .map(Optional::of);
                        String title = draft != null ? draft.title() : translation == null ? "" : translation.title();
                        String body = draft != null ? draft.body() : translation == null ? "" : translation.body();
                        PublicationForm schedule = draft != null && draft.scheduled()
                                ? PublicationForm.showing(draft.schedule().localDateTime(), draft.schedule().timeZone())
                                : PublicationForm.empty(pages.labels().zone());
                        return changes.map(comparison -> Optional.of(new TranslationView(described, at.slug(), at.language(),
                                chapter.path("title").asString(""), chapter.path("body").asString(""), current, owner, translation, draft,
                                title, body, comparison.orElse(null), editable, caller.isAdmin(),
                                caller.isAdmin() || caller.has(Role.REVIEWER), schedule, FormState.empty(), null, null)));
                    });
        });
    }

    private Mono<ServerResponse> show(Viewer viewer, HttpStatusCode status, TranslationView view) {
        return pages.render(status, "translations/editor.jte", pages.model(viewer, view.edition().edition()).put("view", view));
    }

    private Mono<ServerResponse> notTranslated(Viewer viewer, Address at) {
        return pages.notFound(viewer, at.edition(), "L’édition " + at.edition() + " n’est pas traduite " + Languages.into(at.language())
                + ". Les langues de traduction d’une édition se choisissent dans ses réglages (administrateurs).");
    }

    private static String doneMessage(String done, TranslationView view) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "brouillon" -> "Brouillon enregistré. La page publique ne change pas tant qu’il n’est pas publié.";
            case "publiee" -> "Traduction publiée" + (view.translation() == null ? "" : " (révision " + view.translation().revision() + ")")
                    + " : la page en " + view.languageName() + " la montre.";
            case "soumise" -> "Brouillon soumis pour relecture.";
            case "programmee" -> "Publication programmée" + (view.draft() != null && view.draft().scheduled()
                    ? " le " + view.draft().schedule().said() : "") + ".";
            case "deprogrammee" -> "Publication programmée annulée : le brouillon reste, rien n’est publié.";
            case "abandonne" -> "Brouillon abandonné : la traduction publiée reste telle qu’elle est.";
            case "approuvee" -> "Brouillon approuvé : l’équipe peut le publier.";
            case "modifications" -> "Modifications demandées : l’équipe lira votre commentaire.";
            case "equipe" -> "Équipe de traduction enregistrée.";
            default -> null;
        };
    }

    private static String publishRefusal(BackendRefusal refusal) {
        if (refusal.status() == 409 && refusal.errors().stream().anyMatch(e -> e.field().equals("review"))) {
            return "Cette traduction doit être approuvée par un relecteur avant d’être publiée : demandez une relecture. "
                    + "Votre brouillon est enregistré.";
        }
        if (refusal.status() == 409 && refusal.problem() != null && refusal.problem().path("published").isObject()) {
            return "La traduction publiée a changé depuis le début de ce brouillon (révision "
                    + refusal.problem().path("published").path("revision").asLong() + ") : rien n’a été publié. Reportez ses changements "
                    + "dans votre brouillon (voir l’historique de la traduction), puis publiez à nouveau.";
        }
        return "Rien n’a été publié : " + StudioProblems.general(refusal);
    }

    private static String actionRefusal(String action, BackendRefusal refusal) {
        return switch (refusal.status()) {
            case 403 -> action.equals("approve")
                    ? "Vous avez écrit la dernière version de ce brouillon : quelqu’un d’autre doit l’approuver."
                    : "Vous n’avez pas le droit de faire cela sur ce brouillon.";
            case 404 -> "Cette traduction n’a plus de brouillon (il a été publié ou abandonné entre-temps).";
            case 412, 428 -> "Le brouillon a changé depuis que vous l’avez ouvert : relisez la nouvelle version, puis recommencez.";
            default -> StudioProblems.general(refusal);
        };
    }

    private static String closedOrConflict(Address at, BackendRefusal refusal) {
        if (refusal.errors().stream().anyMatch(problem -> problem.field().equals("edition"))) {
            return "l’édition " + at.edition() + " est close : elle ne se corrige plus que par un erratum sur le texte source.";
        }
        return StudioProblems.general(refusal);
    }

    private static Mono<ServerResponse> done(Address at, String what) {
        return StudioPages.seeOther(path(at.edition(), at.slug(), at.language()) + "?fait=" + what);
    }

    static String path(String edition, String slug, String language) {
        return "/studio/" + edition + "/chapitres/" + slug + "/traductions/" + language;
    }

    private static Map<String, Object> comment(MultiValueMap<String, String> form) {
        String comment = text(form, "commentaire").strip();
        return comment.isEmpty() ? Map.of() : Map.of("comment", comment);
    }

    private static Mono<ServerResponse> json(HttpStatusCode status, Map<String, ?> body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").bodyValue(body);
    }

    private static String text(MultiValueMap<String, String> data, String name) {
        String value = data.getFirst(name);
        return value == null ? "" : value.replace("\r\n", "\n");
    }

    /** A revision sent back by the form; -1 when none (a draft to start). */
    private static long revision(String text) {
        return text == null || !text.strip().matches("[0-9]{1,18}") ? -1 : Long.parseLong(text.strip());
    }
}
