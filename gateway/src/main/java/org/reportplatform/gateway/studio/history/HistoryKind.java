package org.reportplatform.gateway.studio.history;

import java.util.List;
import java.util.function.Function;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.Backends;

/**
 * A family of revisioned resources whose history the studio shows: the services give every family
 * the same history API ({@code revisions}, {@code revisions/{n}}, {@code revisions/{n}/restore});
 * this says what differs.
 *
 * @param segment    the studio's path segment ({@code /studio/{edition}/{segment}/{id}/historique})
 * @param collection the API's ({@code /api/editions/{edition}/{collection}/{id}})
 * @param service    which service keeps it
 * @param titleField the field that names it to a person
 * @param noun       « le chapitre », « le chiffre clé »… (for sentences)
 * @param current    what a restore keeps in the history, as a person says it (« Le texte actuel »)
 * @param serverDiff whether the API compares two revisions itself ({@code diff?from=&to=}); otherwise
 *                   the studio compares the two revisions' {@code fields} line by line
 * @param fields     the fields a comparison shows, in order
 * @param translation whether the resource is a chapter's translation: its studio id is
 *                   {@code {slug}/traductions/{lang}} (its pages sit under the chapter's,
 *                   {@code /studio/{edition}/chapitres/{slug}/traductions/{lang}}) and its API is
 *                   {@code …/chapters/{slug}/translations/{lang}}
 */
public record HistoryKind(String segment, String collection, Function<Backends, BackendClient> service, String titleField,
        String noun, String current, boolean serverDiff, List<String> fields, boolean translation) {

    private static final String TRANSLATED = "/traductions/";

    public static final HistoryKind CHAPTERS = new HistoryKind("chapitres", "chapters", Backends::content, "title",
            "le chapitre", "Le texte actuel", true, List.of("title", "body"), false);
    public static final HistoryKind INDICATORS = new HistoryKind("chiffres", "indicators", Backends::figures, "label",
            "le chiffre clé", "La valeur actuelle", false,
            List.of("label", "type", "value", "currency", "unit", "period", "source", "ownerTeam", "texts"), false);
    public static final HistoryKind DATASETS = new HistoryKind("donnees", "datasets", Backends::figures, "title",
            "le jeu de données", "Le tableau actuel", false, List.of("title", "columns", "rows", "unit", "source", "ownerTeam", "texts"),
            false);
    /** A chapter's translation into one language (its history API is a chapter's, diff included). */
    public static final HistoryKind TRANSLATIONS = new HistoryKind("chapitres", "chapters", Backends::content, "title",
            "la traduction", "La traduction actuelle", true, List.of("title", "body"), true);

    public static final List<HistoryKind> ALL = List.of(CHAPTERS, INDICATORS, DATASETS, TRANSLATIONS);

    /** The studio's id of a chapter's translation. */
    public static String translationId(String slug, String language) {
        return slug + TRANSLATED + language;
    }

    String apiPath() {
        return translation ? "/api/editions/{edition}/chapters/{slug}/translations/{lang}" : "/api/editions/{edition}/" + collection + "/{id}";
    }

    /** The variables of {@link #apiPath()}, in order. */
    Object[] apiVariables(String edition, String id) {
        if (translation) {
            int at = id.indexOf(TRANSLATED);
            return new Object[] {edition, id.substring(0, at), id.substring(at + TRANSLATED.length())};
        }
        return new Object[] {edition, id};
    }

    /** The route's path after {@code /studio/{edition}/}, up to {@code /historique}. */
    String routeId() {
        return translation ? segment + "/{slug}" + TRANSLATED + "{lang}" : segment + "/{id}";
    }

    /** The resource's studio id from a request on {@link #routeId()}. */
    String id(org.springframework.web.reactive.function.server.ServerRequest request) {
        return translation ? translationId(request.pathVariable("slug"), request.pathVariable("lang")) : request.pathVariable("id");
    }

    /** The studio's history page of one resource. */
    public String historyPath(String edition, String id) {
        return "/studio/" + edition + "/" + segment + "/" + id + "/historique";
    }

    /** The studio's page of one resource (its editor). */
    public String editorPath(String edition, String id) {
        return "/studio/" + edition + "/" + segment + "/" + id;
    }
}
