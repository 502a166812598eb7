package org.reportplatform.gateway.search;

import org.reportplatform.platform.errors.ApiException;

/**
 * One search: the words typed, the edition and language searched, the page of results (from 1).
 *
 * @param text     what was typed, stripped; 1 to {@link #MAX_LENGTH} characters
 * @param edition  the edition searched
 * @param language the language of the pages searched
 * @param page     which page of {@link #PER_PAGE} results
 */
public record SearchQuery(String text, String edition, String language, int page) {

    public static final int MAX_LENGTH = 200;
    public static final int PER_PAGE = 20;
    /** Deeper than this, a page number is not a reader's: refused rather than collected. */
    public static final int MAX_PAGE = 50;

    /** The request's parameters, checked: a 400 naming the parameter otherwise ({@code edition} and {@code lang} are checked against the index). */
    public static SearchQuery of(String q, String edition, String language, String page) {
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("q", "type the words to search for");
        }
        String text = q.strip();
        if (text.length() > MAX_LENGTH) {
            throw ApiException.badRequest("q", "at most " + MAX_LENGTH + " characters, got " + text.length());
        }
        if (edition == null || !edition.matches("\\d{1,18}")) {
            throw ApiException.badRequest("edition", "an edition such as 2024, got '" + (edition == null ? "" : edition) + "'");
        }
        int number = 1;
        if (page != null) {
            try {
                number = Integer.parseInt(page.strip());
            } catch (NumberFormatException e) {
                number = 0;
            }
            if (number < 1 || number > MAX_PAGE) {
                throw ApiException.badRequest("page", "a page number from 1 to " + MAX_PAGE + ", got '" + page + "'");
            }
        }
        return new SearchQuery(text, edition, language, number);
    }
}
