package org.reportplatform.gateway.studio;

import org.reportplatform.gateway.backend.BackendRefusal;

/**
 * A service's refusal (a problem document, in English for developers) told in plain French to
 * the person in the studio: what happened and what to do. Pages with a form put the refusal's
 * field errors beside their fields themselves; this is the message for the page as a whole.
 */
public final class StudioProblems {

    private StudioProblems() {
    }

    public static String general(BackendRefusal refusal) {
        return switch (refusal.status()) {
            case 400 -> "La demande a été refusée" + apiSays(refusal) + " Rien n’a été modifié : corrigez, puis recommencez.";
            case 401 -> "Votre session a expiré. Reconnectez-vous, puis recommencez.";
            case 403 -> "Vous n’avez pas le droit de faire cette modification : elle est réservée à l’équipe propriétaire "
                    + "ou aux administrateurs. Rien n’a été modifié.";
            case 404 -> "Cet élément n’existe pas ou plus. Retournez à l’accueil du studio.";
            case 409 -> "Cet élément existe déjà. Choisissez un autre identifiant.";
            case 410 -> "Cette révision est une suppression : elle n’a pas de contenu.";
            case 412, 428 -> "Quelqu’un a modifié cet élément pendant que vous le consultiez. Rien n’a été modifié : "
                    + "rechargez la page, vérifiez, puis recommencez.";
            case 413 -> "Le contenu envoyé est trop volumineux. Rien n’a été modifié.";
            case 429 -> "Trop de demandes. Patientez un instant avant de recommencer.";
            default -> refusal.status() >= 500
                    ? "Le service n’a pas pu traiter la demande : rien n’a été enregistré. Réessayez dans un instant."
                    : "La demande a été refusée" + apiSays(refusal);
        };
    }

    /** The API's own words, when nothing better is known, rather than leaving the person guessing. */
    private static String apiSays(BackendRefusal refusal) {
        StringBuilder said = new StringBuilder();
        refusal.errors().forEach(error -> said.append(said.isEmpty() ? "" : " ; ")
                .append(StudioLabels.field(error.field())).append(" : ").append(error.problem()));
        if (said.isEmpty() && !refusal.detail().isBlank()) {
            said.append(refusal.detail());
        }
        return said.isEmpty() ? "." : " (réponse du service : " + said + ").";
    }
}
