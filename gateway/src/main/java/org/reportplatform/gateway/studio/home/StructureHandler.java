package org.reportplatform.gateway.studio.home;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.reportplatform.gateway.accounts.FormState;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.gateway.studio.StudioProblems;
import org.reportplatform.gateway.studio.history.HistoryKind;
import org.reportplatform.gateway.studio.history.HistoryReader;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The report's structure, for admins ({@code /studio/{edition}/structure}): the chapters in
 * report order, each with buttons to move it up or down (plain forms, so the keyboard and a
 * browser without scripts reorder too; {@code studio-home.js} adds drag and drop, posting the same
 * move), its owner team, and a link to delete it after a confirmation; and a form to create a
 * chapter. Everything goes through content-service's API as the admin (create with
 * {@code If-None-Match: *}, owner team with a PUT and delete with {@code If-Match}, move with
 * {@code POST /{slug}/move}); anyone else gets a 403 page and no control.
 */
final class StructureHandler {

    /** A slug as the API accepts it: what a message after a deletion may repeat from the query. */
    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Set<String> CREATE_FIELDS = Set.of("slug", "title", "ownerTeam", "position", "body");

    private final StudioPages pages;
    private final StudioCatalog catalog;
    private final Backends backends;
    private final List<String> configuredTeams;

    StructureHandler(StudioPages pages, StudioCatalog catalog, Backends backends, List<String> configuredTeams) {
        this.pages = pages;
        this.catalog = catalog;
        this.backends = backends;
        this.configuredTeams = List.copyOf(configuredTeams);
    }

    /** {@code GET /studio/{edition}/structure}, with the outcome of the last action in its query. */
    Mono<ServerResponse> page(ServerRequest request) {
        String edition = request.pathVariable("edition");
        return adminOnly(request, edition, viewer -> show(viewer, edition, HttpStatus.OK, FormState.empty(), null,
                request.queryParam("deplace").orElse(null), request.queryParam("sens").orElse(null),
                request.queryParam("cree").orElse(null), request.queryParam("supprime").orElse(null),
                request.queryParam("equipe").orElse(null)));
    }

    /** {@code POST /studio/{edition}/structure}: a new chapter (slug, title, owner team, position). */
    Mono<ServerResponse> create(ServerRequest request) {
        String edition = request.pathVariable("edition");
        return adminOnly(request, edition, viewer -> request.formData().flatMap(data -> {
            FormState form = FormState.of(data);
            FormState checked = checkCreate(form);
            if (checked.hasErrors()) {
                return show(viewer, edition, HttpStatus.BAD_REQUEST, checked, null, null, null, null, null, null);
            }
            Map<String, Object> chapter = new LinkedHashMap<>();
            chapter.put("title", form.value("title"));
            chapter.put("body", form.value("body"));
            chapter.put("ownerTeam", form.value("ownerTeam"));
            if (!form.value("position").isEmpty()) {
                chapter.put("position", Integer.parseInt(form.value("position")));
            }
            String slug = form.value("slug");
            return backends.content().put(viewer.caller(), "/api/editions/{edition}/chapters/{slug}", edition, slug)
                    .ifNoneMatchAny().json(chapter).fetchJson()
                    .flatMap(created -> StudioPages.seeOther(structure(edition) + "?cree=" + slug + "#structure-messages"))
                    .onErrorResume(BackendRefusal.class, refusal -> refusal.status() >= 500 ? Mono.error(refusal)
                            : show(viewer, edition, HttpStatusCode.valueOf(refusal.status()), explainCreate(refusal, form),
                                    null, null, null, null, null, null));
        }));
    }

    /**
     * {@code POST /studio/{edition}/structure/{slug}/deplacer}: {@code position} (the new place)
     * and {@code revision} (the chapter's revision the page showed: a move based on a stale page
     * is refused rather than applied to a report that changed meanwhile). The buttons and the
     * drag-and-drop script both post here; the answer is the structure page again, saying where
     * the chapter is now.
     */
    Mono<ServerResponse> move(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        return adminOnly(request, edition, viewer -> request.formData().flatMap(data -> {
            Integer position = number(data.getFirst("position"));
            String direction = Optional.ofNullable(data.getFirst("sens")).filter(s -> s.matches("monter|descendre|glisser")).orElse("glisser");
            if (position == null || position < 1) {
                return show(viewer, edition, HttpStatus.BAD_REQUEST, FormState.empty(),
                        "La nouvelle position du chapitre manque : rechargez la page, puis recommencez.", null, null, null, null, null);
            }
            var move = backends.content().post(viewer.caller(), "/api/editions/{edition}/chapters/{slug}/move", edition, slug)
                    .json(Map.of("position", position));
            Long revision = revision(data);
            if (revision != null) {
                move.ifMatch(revision);
            }
            return move.fetchJson()
                    // No fragment: a URL's target would keep the browser from focusing the moved chapter's button (autofocus).
                    .flatMap(moved -> StudioPages.seeOther(structure(edition) + "?deplace=" + slug + "&sens=" + direction))
                    .onErrorResume(BackendRefusal.class, refusal -> refusal.status() >= 500 ? Mono.error(refusal)
                            : show(viewer, edition, HttpStatusCode.valueOf(refusal.status()), FormState.empty(),
                                    movedMeanwhile(refusal), null, null, null, null, null));
        }));
    }

    /** {@code POST /studio/{edition}/structure/{slug}/equipe}: {@code ownerTeam}, as of {@code revision}. */
    Mono<ServerResponse> changeTeam(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        return adminOnly(request, edition, viewer -> request.formData().flatMap(data -> {
            String team = Optional.ofNullable(data.getFirst("ownerTeam")).orElse("").strip();
            Long revision = revision(data);
            if (team.isEmpty() || revision == null) {
                return show(viewer, edition, HttpStatus.BAD_REQUEST, FormState.empty(),
                        "Choisissez une équipe dans la liste, puis « Changer l’équipe ».", null, null, null, null, null);
            }
            // A PUT replaces title and body too: they are sent as they are now, and If-Match is the
            // revision the page showed, so a text written meanwhile is never overwritten.
            return backends.content().get(viewer.caller(), "/api/editions/{edition}/chapters/{slug}", edition, slug).fetchJson()
                    .flatMap(current -> backends.content().put(viewer.caller(), "/api/editions/{edition}/chapters/{slug}", edition, slug)
                            .ifMatch(revision)
                            .json(Map.of("title", current.body().path("title").asString(""),
                                    "body", current.body().path("body").asString(""), "ownerTeam", team))
                            .fetchJson())
                    .flatMap(changed -> StudioPages.seeOther(structure(edition) + "?equipe=" + slug + "#chapitre-" + slug))
                    .onErrorResume(BackendRefusal.class, refusal -> refusal.status() >= 500 ? Mono.error(refusal)
                            : show(viewer, edition, HttpStatusCode.valueOf(refusal.status()), FormState.empty(),
                                    movedMeanwhile(refusal), null, null, null, null, null));
        }));
    }

    /** {@code GET /studio/{edition}/structure/{slug}/supprimer}: "are you sure?", naming the chapter. */
    Mono<ServerResponse> confirmDelete(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        return adminOnly(request, edition, viewer -> backends.content()
                .get(viewer.caller(), "/api/editions/{edition}/chapters/{slug}", edition, slug).fetchJson()
                .flatMap(chapter -> pages.ok("home/delete.jte", pages.model(viewer, edition)
                        .put("chapter", StudioItems.Chapter.of(chapter.body(), true)))));
    }

    /** {@code POST /studio/{edition}/structure/{slug}/supprimer}: DELETE with the revision confirmed. */
    Mono<ServerResponse> delete(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String slug = request.pathVariable("slug");
        return adminOnly(request, edition, viewer -> request.formData().flatMap(data -> {
            Long revision = revision(data);
            if (revision == null) {
                return show(viewer, edition, HttpStatus.BAD_REQUEST, FormState.empty(),
                        "La suppression n’a pas été confirmée : choisissez « Supprimer » dans la liste, puis confirmez.",
                        null, null, null, null, null);
            }
            return backends.content().delete(viewer.caller(), "/api/editions/{edition}/chapters/{slug}", edition, slug)
                    .ifMatch(revision).send()
                    .then(StudioPages.seeOther(structure(edition) + "?supprime=" + slug))
                    .onErrorResume(BackendRefusal.class, refusal -> refusal.status() >= 500 ? Mono.error(refusal)
                            : show(viewer, edition, HttpStatusCode.valueOf(refusal.status()), FormState.empty(),
                                    movedMeanwhile(refusal), null, null, null, null, null));
        }));
    }

    private Mono<ServerResponse> adminOnly(ServerRequest request, String edition,
            java.util.function.Function<Viewer, Mono<ServerResponse>> page) {
        return pages.forViewer(request, edition, viewer -> viewer.isAdmin() ? page.apply(viewer)
                : pages.forbidden(viewer, edition, "La structure du rapport (créer, supprimer et réordonner les chapitres, "
                        + "choisir leurs équipes) est réservée aux administrateurs. Pour un changement, adressez-vous à eux."));
    }

    private Mono<ServerResponse> show(Viewer viewer, String edition, HttpStatusCode status, FormState createForm, String error,
            String moved, String direction, String created, String deleted, String teamChanged) {
        // A deleted chapter is named by its title (read from its history), not by its identifier.
        Mono<String> deletedTitle = deleted != null && SLUG.matcher(deleted).matches()
                ? HistoryReader.titleBeforeDeletion(HistoryKind.CHAPTERS, backends, viewer.caller(), edition, deleted)
                : Mono.just("");
        return Mono.zip(catalog.chapters(viewer.caller(), edition), deletedTitle).flatMap(both -> {
            List<StudioItems.Chapter> chapters = both.getT1();
            String message = null;
            String focusSlug = null;
            String focusDirection = null;
            if (moved != null) {
                Optional<StudioItems.Chapter> chapter = chapters.stream().filter(c -> c.slug().equals(moved)).findFirst();
                if (chapter.isPresent()) {
                    message = "« " + chapter.get().title() + " » est maintenant en position " + chapter.get().position() + ".";
                    focusSlug = moved;
                    focusDirection = focusDirection(chapter.get(), chapters.size(), direction);
                }
            } else if (created != null) {
                // The page opens at its message (where the new chapter is), the new chapter highlighted in the list.
                focusSlug = created;
                message = chapters.stream().filter(c -> c.slug().equals(created)).findFirst()
                        .map(c -> "Le chapitre « " + c.title() + " » a été créé en position " + c.position() + " pour l’équipe "
                                + c.ownerTeam() + ", qui peut maintenant l’écrire.")
                        .orElse(null);
            } else if (deleted != null && SLUG.matcher(deleted).matches()) {
                message = "Le chapitre « " + both.getT2() + " » a été supprimé du rapport ; son historique reste consultable.";
            } else if (teamChanged != null) {
                message = chapters.stream().filter(c -> c.slug().equals(teamChanged)).findFirst()
                        .map(c -> "« " + c.title() + " » appartient maintenant à l’équipe " + c.ownerTeam() + ".")
                        .orElse(null);
            }
            return pages.render(status, "home/structure.jte", pages.model(viewer, edition)
                    .put("chapters", chapters)
                    .put("teams", teams(chapters))
                    .put("form", createForm)
                    .put("message", message)
                    .put("error", error)
                    .put("focusSlug", focusSlug)
                    .put("focusDirection", focusDirection)
                    // A deleted chapter leaves the list: the message links its history, where it can be restored.
                    .put("deletedSlug", message != null && deleted != null && SLUG.matcher(deleted).matches() ? deleted : null));
        });
    }

    /** After a move, focus returns to the button that moved the chapter, or the other one at the ends of the list. */
    private static String focusDirection(StudioItems.Chapter chapter, int count, String direction) {
        boolean first = chapter.position() <= 1;
        boolean last = chapter.position() >= count;
        if ("descendre".equals(direction)) {
            return last ? (first ? null : "monter") : "descendre";
        }
        return first ? (last ? null : "descendre") : "monter";
    }

    /** The configured teams and every team that owns a chapter, sorted. */
    private List<String> teams(List<StudioItems.Chapter> chapters) {
        Set<String> all = new TreeSet<>(configuredTeams);
        chapters.forEach(c -> {
            if (c.ownerTeam() != null) {
                all.add(c.ownerTeam());
            }
        });
        return List.copyOf(all);
    }

    private FormState checkCreate(FormState form) {
        FormState checked = form;
        if (form.value("slug").isEmpty()) {
            checked = checked.withError("slug", "Indiquez l’identifiant du chapitre, par exemple « enfants-suite ».");
        }
        if (form.value("title").isEmpty()) {
            checked = checked.withError("title", "Indiquez le titre du chapitre.");
        }
        if (form.value("body").isEmpty()) {
            checked = checked.withError("body", "Écrivez quelques mots pour commencer le chapitre ; son équipe les remplacera.");
        }
        if (form.value("ownerTeam").isEmpty()) {
            checked = checked.withError("ownerTeam", "Choisissez l’équipe qui écrira ce chapitre.");
        }
        String position = form.value("position");
        if (!position.isEmpty() && (number(position) == null || number(position) < 1)) {
            checked = checked.withError("position", "Indiquez une position en chiffres (1 pour le début), ou laissez vide pour la fin.");
        }
        return checked;
    }

    /** content-service's refusal of a new chapter, beside the field it names. */
    private static FormState explainCreate(BackendRefusal refusal, FormState form) {
        if (refusal.status() == 412) {
            return form.withError("slug", "Un chapitre porte déjà cet identifiant (ou l’a porté : son historique existe). Choisissez-en un autre.");
        }
        FormState explained = form;
        for (BackendRefusal.FieldProblem problem : refusal.errors()) {
            String field = problem.field();
            String message = switch (field) {
                case "slug" -> "L’identifiant ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets "
                        + "simples (par exemple « enfants-suite ») ; « chiffres-cles » et « finances » sont réservés.";
                case "title" -> "Le titre est obligatoire et ne doit pas être trop long.";
                case "ownerTeam" -> "Choisissez une équipe de la liste.";
                case "position" -> "La position doit être un nombre à partir de 1.";
                case "body" -> "Le premier texte est obligatoire, sans caractère de contrôle, et ne doit pas être trop long.";
                default -> null;
            };
            explained = message != null && CREATE_FIELDS.contains(field) ? explained.withError(field, message)
                    : explained.withGeneralError(StudioProblems.general(refusal));
        }
        if (refusal.errors().isEmpty()) {
            explained = explained.withGeneralError(StudioProblems.general(refusal));
        }
        return explained;
    }

    private static String movedMeanwhile(BackendRefusal refusal) {
        return refusal.status() == 412 || refusal.status() == 428
                ? "Le rapport a changé depuis que vous avez ouvert cette page (quelqu’un a modifié ou déplacé ce chapitre). "
                        + "Rien n’a été modifié : voici la structure actuelle, recommencez si besoin."
                : StudioProblems.general(refusal);
    }

    private static Long revision(MultiValueMap<String, String> data) {
        Integer value = number(data.getFirst("revision"));
        return value == null ? null : value.longValue();
    }

    private static Integer number(String text) {
        if (text == null || !text.strip().matches("[0-9]{1,9}")) {
            return null;
        }
        return Integer.valueOf(text.strip());
    }

    private static String structure(String edition) {
        return "/studio/" + edition + "/structure";
    }

}
