package org.reportplatform.render.rendering;

import java.util.Locale;

/** The words the templates print around the content, per language (French by default). */
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
        String colon,
        String siteNavigation,
        String finances,
        String financesIntro,
        String noDatasets,
        String keyFiguresIntro,
        String noIndicators,
        String allKeyFigures,
        String indicator,
        String value,
        String period,
        String downloadPdf,
        String barChart,
        String page,
        String appendix,
        String semicolon) {

    public static final Labels FRENCH = new Labels("Rapport annuel", "Aller au contenu", "Sommaire", "Chiffres clés",
            "Navigation entre les chapitres", "Chapitre précédent", "Chapitre suivant", "Retour au sommaire",
            "indicateur inconnu", "jeu de données inconnu", "graphique à placer seul sur sa ligne", "Unité", "Source", "\u00A0: ",
            "Navigation du rapport", "Finances", "Les données chiffrées de l’édition, en graphiques et en tableaux.",
            "Aucune donnée chiffrée n’est encore publiée pour cette édition.",
            "Tous les indicateurs de l’édition, avec leur période et leur source.",
            "Aucun chiffre clé n’est encore publié pour cette édition.", "Tous les chiffres clés", "Indicateur", "Valeur",
            "Période", "Rapport complet (PDF)", "Diagramme en barres", "Page", "Annexe", "\u00A0; ");

    public static final Labels ENGLISH = new Labels("Annual report", "Skip to content", "Contents", "Key figures",
            "Chapter navigation", "Previous chapter", "Next chapter", "Back to contents",
            "unknown indicator", "unknown dataset", "chart must stand on its own line", "Unit", "Source", ": ",
            "Report navigation", "Finances", "The edition's figures, as charts and tables.",
            "No figures have been published for this edition yet.",
            "Every indicator of the edition, with its period and source.",
            "No key figures have been published for this edition yet.", "All key figures", "Indicator", "Value",
            "Period", "Full report (PDF)", "Bar chart", "Page", "Appendix", "; ");

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
