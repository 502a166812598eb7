package org.reportplatform.gateway.search;

import java.util.List;

/**
 * What {@code GET /api/search} answers.
 *
 * @param query    the words searched
 * @param edition  the edition searched
 * @param language the language of the pages searched
 * @param total    how many pages match
 * @param page     this page of results (from 1)
 * @param pages    how many pages of results there are
 * @param results  this page's results, best first
 */
public record SearchResults(String query, String edition, String language, long total, int page, int pages,
        List<SearchResult> results) {

    public SearchResults {
        results = List.copyOf(results);
    }

    /**
     * One page found.
     *
     * @param title   its title
     * @param path    its URL path
     * @param snippet an excerpt, HTML-escaped, the words found in {@code <mark>}
     * @param kind    {@code chapter}, {@code index}, {@code key-figures} or {@code finances}
     */
    public record SearchResult(String title, String path, String snippet, String kind) {
    }
}
