package org.reportplatform.gateway.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.QueryBuilder;
import org.reportplatform.platform.errors.ApiException;
import org.springframework.web.util.HtmlUtils;

/**
 * Answers a {@link SearchQuery} from the {@link SearchIndex}: the pages of the edition in the
 * language asked whose text holds every word typed (in any language the page's text is written in,
 * each analysed by its own rules), a word in the title counting more; an excerpt per page with the
 * words found marked.
 */
public class ReportSearch {

    private static final float TITLE_BOOST = 3f;
    private static final int SNIPPET_PASSAGES = 2;
    /** The excerpt of a page whose text holds no word found (a title match), in characters. */
    private static final int PLAIN_SNIPPET = 200;

    private final SearchIndex index;

    public ReportSearch(SearchIndex index) {
        this.index = index;
    }

    /** The language searched when none is asked: the edition's source language. Unknown edition or language: 400. */
    public SearchQuery checked(SearchQuery query) {
        String source = index.sourceLanguage(query.edition())
                .orElseThrow(() -> ApiException.badRequest("edition", "no published edition '" + query.edition() + "'"));
        String language = query.language() == null || query.language().isBlank() ? source : query.language();
        if (!index.has(query.edition(), language)) {
            throw ApiException.badRequest("lang", "edition " + query.edition() + " is published in " + index.languages(query.edition())
                    + ", not in '" + language + "'");
        }
        return new SearchQuery(query.text(), query.edition(), language, query.page());
    }

    public SearchResults search(SearchQuery asked) {
        SearchQuery query = checked(asked);
        try {
            return index.withSearcher((searcher, analyzer) -> search(searcher, analyzer, query));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchResults search(PagesSearcher searcher, Analyzer analyzer, SearchQuery query) throws IOException {
        Query words = words(analyzer, query);
        if (words == null) {
            return new SearchResults(query.text(), query.edition(), query.language(), 0, query.page(), 0, List.of());
        }
        Query lucene = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(SearchIndex.EDITION, query.edition())), Occur.FILTER)
                .add(new TermQuery(new Term(SearchIndex.LANGUAGE, query.language())), Occur.FILTER)
                .add(words, Occur.MUST)
                .build();
        int wanted = query.page() * SearchQuery.PER_PAGE;
        // One pass gives the best pages and the exact count (no early termination of the counting).
        TopDocs top = searcher.search(lucene, new TopScoreDocCollectorManager(wanted, Integer.MAX_VALUE));
        int total = Math.toIntExact(top.totalHits.value);
        int from = (query.page() - 1) * SearchQuery.PER_PAGE;
        ScoreDoc[] onPage = from >= top.scoreDocs.length ? new ScoreDoc[0]
                : java.util.Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
        TopDocs page = new TopDocs(top.totalHits, onPage);
        Map<Integer, IndexedPage> shown = new HashMap<>();
        for (ScoreDoc result : onPage) {
            shown.put(result.doc, searcher.page(result.doc));
        }
        List<String> textFields = textFields(query.language());
        Map<String, String[]> snippets = highlighter(searcher, analyzer, query.language(), shown)
                .highlightFields(textFields.toArray(String[]::new), lucene, page,
                        textFields.stream().mapToInt(field -> SNIPPET_PASSAGES).toArray());
        List<SearchResults.SearchResult> results = new ArrayList<>();
        for (int i = 0; i < onPage.length; i++) {
            IndexedPage found = shown.get(onPage[i].doc);
            results.add(new SearchResults.SearchResult(found.title(), found.path(), snippet(snippets, textFields, i, found), found.kind()));
        }
        int pages = (total + SearchQuery.PER_PAGE - 1) / SearchQuery.PER_PAGE;
        return new SearchResults(query.text(), query.edition(), query.language(), total, query.page(), pages, results);
    }

    /**
     * Every word typed, in the text of one language of the page (each language's field analysed
     * as that language), or in its title; null when the query has no word left after analysis.
     */
    private static Query words(Analyzer analyzer, SearchQuery query) {
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder anyLanguage = new BooleanQuery.Builder();
        boolean any = false;
        for (String analysis : ReportAnalyzers.ANALYSES) {
            Query text = builder.createBooleanQuery(SearchIndex.TEXT + "_" + analysis, query.text(), Occur.MUST);
            if (text != null) {
                anyLanguage.add(text, Occur.SHOULD);
                any = true;
            }
            Query title = builder.createBooleanQuery(SearchIndex.TITLE + "_" + analysis, query.text(), Occur.MUST);
            if (title != null) {
                anyLanguage.add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD);
                any = true;
            }
        }
        return any ? anyLanguage.build() : null;
    }

    /** The text fields, the language searched first: its excerpt is preferred. */
    private static List<String> textFields(String language) {
        String first = ReportAnalyzers.analysis(language);
        List<String> fields = new ArrayList<>();
        fields.add(SearchIndex.TEXT + "_" + first);
        ReportAnalyzers.ANALYSES.stream().filter(analysis -> !analysis.equals(first))
                .forEach(analysis -> fields.add(SearchIndex.TEXT + "_" + analysis));
        return fields;
    }

    private static UnifiedHighlighter highlighter(IndexSearcher searcher, Analyzer analyzer, String language,
            Map<Integer, IndexedPage> pages) {
        Locale locale = Locale.forLanguageTag(language);
        return new IndexedPagesHighlighter(new UnifiedHighlighter.Builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(locale))
                .withScorer(new MatchCountScorer())
                .withMaxNoHighlightPassages(0)
                // The query's terms' offsets read from the postings, not through the query's Matches
                // (which look each term up again per page and field): the same marks for our
                // term queries, at half the cost.
                .withWeightMatches(false), pages);
    }

    private static String snippet(Map<String, String[]> snippets, List<String> fields, int i, IndexedPage page) {
        for (String field : fields) {
            String[] found = snippets.get(field);
            if (found != null && found[i] != null && !found[i].isBlank()) {
                return found[i].replace(PageText.BLOCK_END, " ").strip();
            }
        }
        for (String field : fields) {
            String text = page.firstValue(field);
            if (text != null) {
                String start = text.length() <= PLAIN_SNIPPET ? text : text.substring(0, PLAIN_SNIPPET) + "…";
                return HtmlUtils.htmlEscape(start.replace(PageText.BLOCK_END, " "), "UTF-8");
            }
        }
        return "";
    }
}
