package org.reportplatform.gateway.studio.chapters;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.studio.drafts.Draft;

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
                case 400 -> "Le brouillon n’a pas été enregistré : corrigez ce qui est signalé à côté des champs.";
                case 409 -> "Le brouillon a été refusé : " + fields(refusal) + NOT_SAVED;
                case 412 -> "Le brouillon a changé pendant que vous agissiez : relisez-le, puis recommencez.";
                default -> refusal.status() >= 500 ? unavailable() + NOT_SAVED : "L’enregistrement a été refusé." + NOT_SAVED;
            };
        }
        return unavailable() + NOT_SAVED;
    }

    /** The confirmation after an action ({@code ?fait=…}); only when the chapter is in the state it announces. */
    static String done(String code, EditorView view, java.time.ZoneId zone) {
        if (code == null) {
            return null;
        }
        Draft draft = view.draft();
        return switch (code) {
            case "brouillon" -> draft == null ? null : "Brouillon enregistré" + at(draft, zone) + ". La page publique ne change pas tant que vous ne publiez pas.";
            case "publie" -> draft != null ? null : "Publié : la page publique est à jour (révision " + view.chapterRevision() + ").";
            case "soumis" -> draft == null || !draft.submitted() ? null
                    : "Soumis pour relecture : les relecteurs le trouvent dans « À relire » sur l’accueil du studio.";
            case "approuve" -> draft == null || !draft.approved() ? null : "Brouillon approuvé : l’équipe peut maintenant le publier.";
            case "modifications" -> draft == null || !draft.review().equals("changes-requested") ? null
                    : "Modifications demandées : l’équipe voit votre commentaire avec le brouillon.";
            case "programme" -> draft == null || !draft.scheduled() ? null
                    : "Publication programmée le " + draft.schedule().said() + ".";
            case "deprogramme" -> draft == null || draft.scheduled() ? null
                    : "Programmation annulée : le brouillon ne sera pas publié automatiquement.";
            case "abandonne" -> draft != null ? null : "Brouillon abandonné : le chapitre reste tel qu’il est publié.";
            case "fusion" -> draft == null ? null : "Fusion enregistrée dans le brouillon. Vérifiez l’aperçu, puis publiez.";
            case "fusion-depassee" -> draft == null ? null : "Fusion enregistrée dans le brouillon, mais le chapitre a encore été publié "
                    + "entre-temps : publiez pour fusionner avec cette nouvelle version.";
            case "erratum" -> !view.closed() ? null : "Erratum publié : la page publique montre le texte corrigé (révision "
                    + view.chapterRevision() + ") et la note « Corrigé le … » sous le titre.";
            default -> null;
        };
    }

    /** The autosave's status line: « Brouillon enregistré à 10:42 ». */
    static String draftSaved(java.time.ZoneId zone, Draft draft) {
        return "Brouillon enregistré" + at(draft, zone);
    }

    private static String at(Draft draft, java.time.ZoneId zone) {
        java.time.Instant when = org.reportplatform.gateway.studio.StudioLabels.instant(draft.updatedAt());
        return when == null ? "" : " à " + java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(when);
    }

    /** Someone else saved the draft meanwhile (a 412 on the draft). */
    static String draftChangedElsewhere(Draft current, java.time.format.DateTimeFormatter dateTime) {
        if (current == null) {
            return "Ce brouillon a été modifié ou fermé ailleurs (un autre onglet, une autre personne) pendant que vous écriviez.";
        }
        java.time.Instant when = org.reportplatform.gateway.studio.StudioLabels.instant(current.updatedAt());
        return (current.updatedByName().isBlank() ? "Quelqu’un" : current.updatedByName()) + " a modifié ce brouillon"
                + (when == null ? "" : " le " + dateTime.format(when)) + " pendant que vous écriviez (ou vous-même, dans un autre onglet).";
    }

    /** The autosave failed for another reason than a conflict: the status line says it, and that the text is still on the page. */
    static String autosaveFailed(Throwable error) {
        if (error instanceof BackendRefusal refusal) {
            return switch (refusal.status()) {
                case 400 -> "Brouillon non enregistré : " + fields(refusal);
                case 401 -> "Brouillon non enregistré : votre session a expiré. Copiez votre texte, reconnectez-vous, puis recollez-le.";
                case 403 -> "Brouillon non enregistré : vous n’avez pas le droit de modifier ce chapitre.";
                case 404 -> "Brouillon non enregistré : ce chapitre n’existe plus. Copiez votre texte pour le garder.";
                default -> "Brouillon non enregistré : le service des chapitres ne répond pas. Nouvel essai à la prochaine frappe ; "
                        + "votre texte reste dans la page.";
            };
        }
        return "Brouillon non enregistré : le service des chapitres ne répond pas. Nouvel essai à la prochaine frappe ; votre texte reste dans la page.";
    }

    static String unavailable() {
        return "Le service des chapitres ne répond pas pour le moment. Réessayez dans un instant.";
    }

}
