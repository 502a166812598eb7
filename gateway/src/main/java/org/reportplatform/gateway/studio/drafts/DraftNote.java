package org.reportplatform.gateway.studio.drafts;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * One entry of a draft's review history: who did what, when, with their comment.
 *
 * @param kind    the API's lower-kebab kind ("submitted", "changes-requested", "schedule-failed", …)
 * @param comment the person's comment; for "schedule-failed", the service's reason (English), told in French by {@link #said()}
 */
public record DraftNote(String kind, String at, String actor, String actorName, long draftRevision, String comment) {

    static DraftNote of(JsonNode json) {
        JsonNode comment = json.path("comment");
        String name = json.path("actorName").asString("");
        return new DraftNote(json.path("kind").asString("other"), json.path("at").asString(""), json.path("actor").asString(""),
                name.isBlank() ? json.path("actor").asString("") : name, json.path("draftRevision").asLong(-1),
                comment.isString() ? comment.asString() : null);
    }

    /** What happened, in words, after the person's name (« a demandé des modifications »). */
    public String said() {
        return switch (kind) {
            case "submitted" -> "a soumis le brouillon pour relecture";
            case "approved" -> "a approuvé le brouillon";
            case "changes-requested" -> "a demandé des modifications";
            case "approval-withdrawn" -> "a modifié le texte après l’approbation : il doit être approuvé à nouveau";
            case "scheduled" -> "a programmé la publication";
            case "unscheduled" -> "a annulé la programmation";
            case "schedule-failed" -> "— la publication programmée n’a pas eu lieu : " + failure();
            default -> "a modifié le brouillon";
        };
    }

    /** Whether the comment is the person's own words (shown as a quote) rather than a service's reason. */
    public boolean personalComment() {
        return comment != null && !comment.isBlank() && !kind.equals("schedule-failed");
    }

    public boolean failed() {
        return kind.equals("schedule-failed");
    }

    /** The service gives its reason in English; the studio says it by what it names. */
    private String failure() {
        String reason = comment == null ? "" : comment.toLowerCase(Locale.ROOT);
        if (reason.contains("deleted")) {
            return "le chapitre a été supprimé entre-temps.";
        }
        if (reason.contains("approv") || reason.contains("review")) {
            return "le brouillon n’était pas approuvé à l’heure prévue. Faites-le approuver, puis programmez-le à nouveau.";
        }
        if (reason.contains("changed") || reason.contains("conflict") || reason.contains("base")) {
            return "le chapitre publié a été modifié entre-temps. Ouvrez le brouillon, publiez-le pour fusionner les deux versions.";
        }
        return "le service l’a refusée (« " + (comment == null ? "" : comment) + " »).";
    }
}
