package org.reportplatform.gateway.search;

/**
 * What {@code search/results.jte} prints in the report page's {@code <main>}.
 *
 * @param labels    the page's words, in its language
 * @param action    where the form sends the query: this page's path
 * @param api       the query string of {@code /api/search} for this edition and language (the script's)
 * @param indexHref the edition's index in this language
 * @param query     what was typed (null: nothing yet)
 * @param results   the results (null when nothing was typed)
 */
public record SearchPageView(SearchLabels labels, String action, String api, String indexHref, String query,
        SearchResults results) {

    public boolean searched() {
        return results != null;
    }

    public String count() {
        return results == null ? "" : labels.count(results.total(), query);
    }

    /** The path of another page of these results. */
    public String pageHref(int page) {
        return action + "?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8) + "&page=" + page;
    }
}
