package org.reportplatform.gateway.studio.chapters;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.reportplatform.gateway.backend.BackendRefusal;

/**
 * What the editor tells people when a service refuses or does not answer, in plain French: what
 * happened and what to do. The API's own words (English, for developers) are never shown alone.
 */
final class EditorMessages {

    static final String NOT_SAVED = " Votre texte n’a pas été enregistré : il est toujours dans le formulaire ci-dessous.";

    private EditorMessages() {
    }

    /** A field's refusal (400), beside the field. */
    static String field(String field, String problem) {
        String said = problem == null ? "" : problem.toLowerCase(Locale.ROOT);
        return switch (field) {
            case "title" -> said.contains("long") || said.contains("limit") || said.contains("most")
                    ? "Le titre est trop long : raccourcissez-le."
                    : "Donnez un titre au chapitre : il ne peut pas être vide.";
            case "body" -> said.contains("long") || said.contains("limit")
                    ? "Le texte est trop long (100 000 caractères au plus) : raccourcissez-le ou partagez-le en deux chapitres."
                    : "Le texte a été refusé. Vérifiez-le, puis enregistrez à nouveau.";
            default -> "Valeur refusée (" + field + ").";
        };
    }

    /** The fields a 400 names, in French, for a sentence. */
    static String fields(BackendRefusal refusal) {
        List<String> messages = refusal.errors().stream().map(e -> field(e.field(), e.problem())).distinct().toList();
        return messages.isEmpty() ? "le service l’a refusé." : messages.stream().collect(Collectors.joining(" "));
    }

    /** Saving failed for another reason than a conflict. */
    static String saving(Throwable error, String ownerTeam) {
        if (error instanceof BackendRefusal refusal) {
            return switch (refusal.status()) {
                case 401 -> "Votre session a expiré. Copiez votre texte, reconnectez-vous, puis recommencez." + NOT_SAVED;
                case 403 -> "Vous n’avez pas le droit de modifier ce chapitre"
                        + (ownerTeam == null || ownerTeam.isBlank() ? "" : " : il est rédigé par l’équipe « " + ownerTeam + " »") + "."
                        + NOT_SAVED;
                case 404, 410 -> "Ce chapitre n’existe plus (il a peut-être été supprimé)." + NOT_SAVED
                        + " Copiez-le pour le garder.";
                case 428 -> "L’enregistrement a été refusé car la révision de départ manquait. Copiez votre texte, rechargez la page, "
                        + "puis recollez-le." + NOT_SAVED;
                case 400 -> "Le chapitre n’a pas été enregistré : corrigez ce qui est signalé à côté des champs.";
                default -> refusal.status() >= 500 ? unavailable() + NOT_SAVED : "L’enregistrement a été refusé." + NOT_SAVED;
            };
        }
        return unavailable() + NOT_SAVED;
    }

    static String unavailable() {
        return "Le service des chapitres ne répond pas pour le moment. Réessayez dans un instant.";
    }

}
