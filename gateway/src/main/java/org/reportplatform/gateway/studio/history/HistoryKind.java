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
 */
public record HistoryKind(String segment, String collection, Function<Backends, BackendClient> service, String titleField,
        String noun, String current, boolean serverDiff, List<String> fields) {

    public static final HistoryKind CHAPTERS = new HistoryKind("chapitres", "chapters", Backends::content, "title",
            "le chapitre", "Le texte actuel", true, List.of("title", "body"));
    public static final HistoryKind INDICATORS = new HistoryKind("chiffres", "indicators", Backends::figures, "label",
            "le chiffre clé", "La valeur actuelle", false,
            List.of("label", "type", "value", "currency", "unit", "period", "source", "ownerTeam"));
    public static final HistoryKind DATASETS = new HistoryKind("donnees", "datasets", Backends::figures, "title",
            "le jeu de données", "Le tableau actuel", false, List.of("title", "columns", "rows", "unit", "source", "ownerTeam"));

    public static final List<HistoryKind> ALL = List.of(CHAPTERS, INDICATORS, DATASETS);

    String apiPath() {
        return "/api/editions/{edition}/" + collection + "/{id}";
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
