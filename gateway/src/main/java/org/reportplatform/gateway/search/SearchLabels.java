package org.reportplatform.gateway.search;

import java.text.MessageFormat;
import java.util.Locale;

/** The words of the search page, per language of the report (French for any other). */
public record SearchLabels(
        String heading,
        String field,
        String button,
        String oneResult,
        String results,
        String noResult,
        String advice,
        String contents,
        String previous,
        String next,
        String resultPages,
        String pageOfPages) {

    static final SearchLabels FRENCH = new SearchLabels("Rechercher dans le rapport", "Mots à rechercher", "Rechercher",
            "1 résultat pour « {0} »", "{1} résultats pour « {0} »", "Aucun résultat pour « {0} »",
            "Vérifiez l’orthographe, essayez un mot plus court ou plus général, ou parcourez le",
            "sommaire", "Résultats précédents", "Résultats suivants", "Pages de résultats", "Page {0} sur {1}");

    static final SearchLabels ENGLISH = new SearchLabels("Search the report", "Words to search for", "Search",
            "1 result for “{0}”", "{1} results for “{0}”", "No results for “{0}”",
            "Check the spelling, try a shorter or more general word, or browse the",
            "contents", "Previous results", "Next results", "Result pages", "Page {0} of {1}");

    static final SearchLabels SPANISH = new SearchLabels("Buscar en el informe", "Palabras que buscar", "Buscar",
            "1 resultado para «{0}»", "{1} resultados para «{0}»", "Ningún resultado para «{0}»",
            "Compruebe la ortografía, pruebe una palabra más corta o más general, o consulte el",
            "índice", "Resultados anteriores", "Resultados siguientes", "Páginas de resultados", "Página {0} de {1}");

    static SearchLabels forLanguage(String language) {
        String primary = language == null ? "fr" : language.toLowerCase(Locale.ROOT).split("-", 2)[0];
        return switch (primary) {
            case "en" -> ENGLISH;
            case "es" -> SPANISH;
            default -> FRENCH;
        };
    }

    /** « 3 résultats pour « torture » », or the no-result sentence. */
    public String count(long total, String query) {
        String pattern = total == 0 ? noResult : total == 1 ? oneResult : results;
        return MessageFormat.format(pattern.replace("'", "''"), query, String.valueOf(total));
    }

    public String pageOf(int page, int pages) {
        return MessageFormat.format(pageOfPages, String.valueOf(page), String.valueOf(pages));
    }
}
