package org.reportplatform.gateway.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * A highlighter that takes the text of the results shown from the pages the index keeps in memory
 * ({@link IndexedPage}) instead of reading their stored documents: nothing to decompress or decode.
 */
final class IndexedPagesHighlighter extends UnifiedHighlighter {

    /** Between two values of one field, as the highlighter expects them joined. */
    static final char VALUE_SEPARATOR = MULTIVAL_SEP_CHAR;

    private final Map<Integer, IndexedPage> pages;

    /** {@code pages}: the page of every result to highlight, by document id in the searcher of {@code builder}. */
    IndexedPagesHighlighter(Builder builder, Map<Integer, IndexedPage> pages) {
        super(builder);
        this.pages = pages;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            IndexedPage page = pages.get(doc);
            if (page == null) {
                throw new IllegalStateException("document " + doc + " has no page to highlight");
            }
            CharSequence[] byField = new CharSequence[fields.length];
            for (int f = 0; f < fields.length; f++) {
                // already cut at IndexedPage.MAX_LENGTH, the highlighter's default maximum length
                byField[f] = page.text(fields[f]);
            }
            values.add(byField);
        }
        return values;
    }
}
