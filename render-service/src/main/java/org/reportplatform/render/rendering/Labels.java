package org.reportplatform.render.rendering;

import java.util.Locale;

/** The words the page templates print around the content, per language (French by default). */
public record Labels(
        String reportTitlePrefix,
        String skipToContent,
        String contents,
        String keyFigures,
        String chapterNavigation,
        String previous,
        String next,
        String backToContents,
        String unknownIndicator,
        String unknownDataset,
        String chartNotOnItsOwnLine,
        String unit,
        String source,
        String colon) {

    public static final Labels FRENCH = new Labels("Rapport annuel", "Aller au contenu", "Sommaire", "Chiffres clés",
            "Navigation entre les chapitres", "Chapitre précédent", "Chapitre suivant", "Retour au sommaire",
            "indicateur inconnu", "jeu de données inconnu", "graphique à placer seul sur sa ligne", "Unité", "Source", "\u00A0: ");

    public static final Labels ENGLISH = new Labels("Annual report", "Skip to content", "Contents", "Key figures",
            "Chapter navigation", "Previous chapter", "Next chapter", "Back to contents",
            "unknown indicator", "unknown dataset", "chart must stand on its own line", "Unit", "Source", ": ");

    public static Labels forLanguage(String language) {
        String primary = language == null ? "fr" : language.toLowerCase(Locale.ROOT).split("-", 2)[0];
        return primary.equals("en") ? ENGLISH : FRENCH;
    }

    /** {@code [indicateur inconnu : X]}: the visible marker of a reference that cannot be resolved. */
    public String marker(String what, String id) {
        return "[" + what + colon + id + "]";
    }

    /** « Rapport annuel 2024 ». */
    public String reportTitle(String edition) {
        return reportTitlePrefix + " " + edition;
    }
}
