package org.reportplatform.render.rendering;

import com.ibm.icu.text.DisplayContext;
import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.ULocale;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
        String semicolon,
        String languages,
        String untranslatedNotice,
        String staleNotice,
        String correctedOn,
        String editions,
        String editionsIntro,
        String noEditions,
        String searchReport,
        String search) {

    public static final Labels FRENCH = new Labels("Rapport annuel", "Aller au contenu", "Sommaire", "Chiffres clés",
            "Navigation entre les chapitres", "Chapitre précédent", "Chapitre suivant", "Retour au sommaire",
            "indicateur inconnu", "jeu de données inconnu", "graphique à placer seul sur sa ligne", "Unité", "Source", "\u00A0: ",
            "Navigation du rapport", "Finances", "Les données chiffrées de l’édition, en graphiques et en tableaux.",
            "Aucune donnée chiffrée n’est encore publiée pour cette édition.",
            "Tous les indicateurs de l’édition, avec leur période et leur source.",
            "Aucun chiffre clé n’est encore publié pour cette édition.", "Tous les chiffres clés", "Indicateur", "Valeur",
            "Période", "Rapport complet (PDF)", "Diagramme en barres", "Page", "Annexe", "\u00A0; ", "Langues",
            "Ce chapitre n’est pas encore traduit en {0}\u00A0: il est présenté dans sa version originale, en {1}.",
            "Le texte original a été modifié depuis cette traduction\u00A0; elle sera mise à jour.",
            "Corrigé le {0}\u00A0: ", "Éditions du rapport", "Les rapports annuels publiés, du plus récent au plus ancien.",
            "Aucune édition n’est encore publiée.", "Rechercher dans le rapport", "Rechercher");

    public static final Labels ENGLISH = new Labels("Annual report", "Skip to content", "Contents", "Key figures",
            "Chapter navigation", "Previous chapter", "Next chapter", "Back to contents",
            "unknown indicator", "unknown dataset", "chart must stand on its own line", "Unit", "Source", ": ",
            "Report navigation", "Finances", "The edition's figures, as charts and tables.",
            "No figures have been published for this edition yet.",
            "Every indicator of the edition, with its period and source.",
            "No key figures have been published for this edition yet.", "All key figures", "Indicator", "Value",
            "Period", "Full report (PDF)", "Bar chart", "Page", "Appendix", "; ", "Languages",
            "This chapter has not been translated into {0} yet: it is shown in its original version, in {1}.",
            "The original text has changed since this translation was made; it will be updated.",
            "Corrected on {0}: ", "Report editions", "The published annual reports, newest first.",
            "No edition has been published yet.", "Search the report", "Search");

    public static final Labels SPANISH = new Labels("Informe anual", "Ir al contenido", "Índice", "Cifras clave",
            "Navegación entre capítulos", "Capítulo anterior", "Capítulo siguiente", "Volver al índice",
            "indicador desconocido", "conjunto de datos desconocido", "el gráfico debe ir solo en su línea", "Unidad", "Fuente", ": ",
            "Navegación del informe", "Finanzas", "Los datos de la edición, en gráficos y tablas.",
            "Todavía no se han publicado datos para esta edición.",
            "Todos los indicadores de la edición, con su período y su fuente.",
            "Todavía no se han publicado cifras clave para esta edición.", "Todas las cifras clave", "Indicador", "Valor",
            "Período", "Informe completo (PDF)", "Gráfico de barras", "Página", "Anexo", "; ", "Idiomas",
            "Este capítulo todavía no está traducido al {0}: se muestra en su versión original, en {1}.",
            "El texto original ha cambiado desde esta traducción; se actualizará.",
            "Corregido el {0}: ", "Ediciones del informe", "Los informes anuales publicados, del más reciente al más antiguo.",
            "Todavía no se ha publicado ninguna edición.", "Buscar en el informe", "Buscar");

    /** The labels of a language: French, English, Spanish; any other language is labelled in French, the report's first language. */
    public static Labels forLanguage(String language) {
        String primary = language == null ? "fr" : language.toLowerCase(Locale.ROOT).split("-", 2)[0];
        return switch (primary) {
            case "en" -> ENGLISH;
            case "es" -> SPANISH;
            default -> FRENCH;
        };
    }

    /**
     * A language's name in its own language, as a menu shows it (« Français », "English",
     * "Español"): what the language switcher lists. From CLDR, through ICU4J.
     */
    public static String ownName(String language) {
        return NAMES.computeIfAbsent(language + " " + language, k -> {
            ULocale locale = ULocale.forLanguageTag(language);
            return LocaleDisplayNames.getInstance(locale, DisplayContext.CAPITALIZATION_FOR_UI_LIST_OR_MENU).localeDisplayName(locale);
        });
    }

    /** A language's name as a sentence of {@code inLanguage} writes it (« français », "French", "francés"). */
    public static String nameIn(String language, String inLanguage) {
        return NAMES.computeIfAbsent(language + " in " + inLanguage,
                k -> LocaleDisplayNames.getInstance(ULocale.forLanguageTag(inLanguage), DisplayContext.CAPITALIZATION_FOR_MIDDLE_OF_SENTENCE)
                        .localeDisplayName(ULocale.forLanguageTag(language)));
    }

    /** Language names looked up once (every page's switcher prints them). */
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    /** The notice on a page in {@code pageLanguage} showing a chapter not translated yet, in {@code sourceLanguage}. */
    public String untranslated(String pageLanguage, String sourceLanguage) {
        return MessageFormat.format(untranslatedNotice.replace("'", "''"), nameIn(pageLanguage, pageLanguage),
                nameIn(sourceLanguage, pageLanguage));
    }

    /** « Corrigé le 5 décembre 2026 : » (the erratum's note follows). */
    public String corrected(String date) {
        return MessageFormat.format(correctedOn.replace("'", "''"), date);
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
