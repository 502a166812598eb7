package org.reportplatform.gateway.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.reportplatform.gateway.site.SiteEntry;
import org.reportplatform.gateway.ui.UiPages;

/**
 * The search page of an edition in one language, in the report's own look: the edition's index
 * page in that language as the render service published it (its style sheet, header, navigation,
 * language switcher, {@code <html lang>}), its {@code <main>} replaced by the search form and the
 * results ({@code search/results.jte}). The language switcher and the alternate links lead to the
 * same search in the other languages; the header's search box is left out (the page's own form
 * is the one search landmark). {@code /ui/search.js} shows results as one types.
 */
final class SearchPage {

    /** The search form and results list, beyond what the report's style sheet gives. */
    private static final String STYLE = """
            .search-form { display: flex; flex-wrap: wrap; align-items: center; gap: .5em; margin: 0 0 1em; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
            .search-form label { flex-basis: 100%; font-weight: 600; }
            .search-form input { flex: 1 1 16em; min-width: 0; padding: .45em .6em; font: inherit; border: 1px solid #767676; border-radius: 3px; }
            .search-form button { padding: .45em 1em; font: inherit; color: #fff; background: #0b4f8a; border: 1px solid #0b4f8a; border-radius: 3px; cursor: pointer; }
            .search-form input:focus-visible, .search-form button:focus-visible { outline: 3px solid #063459; outline-offset: 2px; }
            .search-count { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #444; }
            .search-results { padding-left: 1.4em; }
            .search-results li { margin: 0 0 1.2em; }
            .search-results a { font-weight: 600; }
            .search-results p { margin: .2em 0 0; }
            mark { background: #fff0a8; color: inherit; }
            """;

    private SearchPage() {
    }

    /** The page's path: {@code /{edition}/recherche} or {@code /{edition}/{lang}/recherche}. */
    static String path(String indexPath) {
        return indexPath + "recherche";
    }

    /**
     * @param index     the edition's index page in the language searched
     * @param language  its language
     * @param query     what was typed, or null
     * @param results   the results, or null
     */
    static byte[] render(SiteEntry index, String edition, String language, String query, SearchResults results) {
        Document page = Jsoup.parse(new String(index.content(), StandardCharsets.UTF_8));
        SearchLabels labels = SearchLabels.forLanguage(language);
        String action = path(index.path());
        Element main = page.selectFirst("main");
        if (main == null) {
            main = page.body().appendElement("main").attr("id", "contenu");
        }
        page.select("form[role=search]").remove();
        page.select(".site-nav a[aria-current]").removeAttr("aria-current");
        String api = "edition=" + encode(edition) + "&lang=" + encode(language);
        SearchPageView view = new SearchPageView(labels, action, api, index.path(), query, results);
        main.html(new String(UiPages.render("search/results.jte", Map.of("view", view)), StandardCharsets.UTF_8));
        String suffix = query == null ? "" : "?q=" + encode(query);
        for (Element link : page.select(".languages a[href], link[rel=alternate][href]")) {
            link.attr("href", path(link.attr("href")) + suffix);
        }
        String reportTitle = page.title();
        page.title((query == null ? labels.heading() : labels.count(results.total(), query)) + " – " + reportTitle);
        page.head().appendElement("style").appendChild(new org.jsoup.nodes.DataNode(STYLE));
        page.head().appendElement("script").attr("src", "/ui/search.js").attr("defer", true);
        page.outputSettings().prettyPrint(false);
        return page.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
