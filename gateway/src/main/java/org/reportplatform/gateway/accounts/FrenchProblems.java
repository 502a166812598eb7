package org.reportplatform.gateway.accounts;

import java.util.Locale;
import java.util.Set;
import org.reportplatform.gateway.accounts.AccountsApi.FieldProblem;
import org.reportplatform.gateway.accounts.AccountsApi.Problem;

/**
 * The accounts API's refusals (problem JSON, in English for developers) told in French to the
 * person filling the form: a field the form has gets its message beside it, anything else is a
 * message for the whole form. Known problems are rewritten in plain words; an unknown one is
 * shown with the API's own detail rather than hidden, so nobody is left guessing.
 */
final class FrenchProblems {

    private FrenchProblems() {
    }

    /** The form with the refusal's messages added; {@code fields} are the fields the form shows. */
    static FormState explain(ApiRefusal refusal, FormState form, Set<String> fields) {
        Problem problem = refusal.problem();
        FormState explained = form;
        for (FieldProblem error : problem.errors()) {
            String field = error.field() == null ? "" : error.field();
            String message = field(field, error.problem(), problem.status());
            explained = fields.contains(field) ? explained.withError(field, message) : explained.withGeneralError(message);
        }
        if (problem.errors().isEmpty()) {
            String detail = lower(problem.detail());
            if (problem.status() == 409 && detail.contains("email") && fields.contains("email")) {
                explained = explained.withError("email", field("email", "taken", 409));
            } else {
                explained = explained.withGeneralError(general(problem));
            }
        }
        return explained;
    }

    /** A message for a refusal that concerns no form (a button: disable, reset, revoke). */
    static String general(Problem problem) {
        String detail = lower(problem.detail());
        return switch (problem.status()) {
            case 401 -> "Votre session a expiré. Reconnectez-vous, puis recommencez.";
            case 403 -> detail.contains("token")
                    ? "Cette action n’est possible que depuis une session ouverte dans le navigateur, pas avec un jeton d’API."
                    : "Vous n’avez pas le droit de faire cette action.";
            case 404 -> "Cet élément n’existe pas ou plus. Rechargez la page.";
            case 409 -> detail.contains("admin")
                    ? "C’est le dernier compte d’administration actif : il ne peut être ni désactivé ni privé du rôle "
                            + "Administration. Donnez d’abord ce rôle à une autre personne."
                    : "Cette action est impossible dans l’état actuel du compte" + apiSays(problem);
            case 412, 428 -> "Quelqu’un a modifié ce compte pendant que vous le consultiez. La page montre maintenant "
                    + "ses valeurs actuelles : vérifiez-les, puis recommencez.";
            case 429 -> "Trop de tentatives. Patientez quelques minutes avant de recommencer.";
            default -> problem.status() >= 500
                    ? "Le service des comptes a rencontré un problème. Réessayez dans un instant."
                    : "La demande a été refusée" + apiSays(problem);
        };
    }

    private static String field(String field, String problem, int status) {
        String said = lower(problem);
        return switch (field) {
            case "email" -> status == 409 || said.contains("taken") || said.contains("exists") || said.contains("already")
                    ? "Une personne a déjà un compte avec cette adresse e-mail."
                    : "Saisissez une adresse e-mail valide, par exemple prenom.nom@exemple.org.";
            case "displayName" -> "Saisissez le nom de la personne tel qu’il apparaîtra dans les historiques (1 à 100 caractères).";
            case "roles" -> "Choisissez au moins un rôle dans la liste.";
            case "teams" -> "Choisissez les équipes dans la liste proposée.";
            case "password" -> said.contains("email") || said.contains("local part") || said.contains("contain")
                    ? "Le mot de passe ne doit pas contenir la partie de votre adresse e-mail qui précède « @ »."
                    : "Le mot de passe doit compter entre 12 et 128 caractères.";
            case "code" -> "Ce code ne correspond pas. Saisissez le code à 6 chiffres affiché en ce moment par votre "
                    + "application (il change toutes les 30 secondes) ; vérifiez aussi que l’heure de votre téléphone est exacte.";
            case "name" -> "Donnez un nom au jeton, pour le reconnaître plus tard (par exemple « Import des chiffres »).";
            case "expiresInDays" -> "Indiquez une validité entre 1 et 365 jours.";
            default -> "Valeur refusée : " + problem;
        };
    }

    private static String apiSays(Problem problem) {
        return problem.detail() == null || problem.detail().isBlank() ? "." : " (réponse du service : " + problem.detail() + ").";
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
