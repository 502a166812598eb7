package org.reportplatform.gateway.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * A highlighter that takes the text of the results shown from their stored documents, already
 * loaded for their title and path, instead of loading each document again. Reading a stored page
 * means decompressing all of it: on a key-figures page of 250 rows that was most of a query's time,
 * and it was done twice.
 */
final class LoadedPagesHighlighter extends UnifiedHighlighter {

    private final Map<Integer, Document> loaded;

    /** {@code loaded}: the documents of every result to highlight, by document id in the searcher of {@code builder}. */
    LoadedPagesHighlighter(Builder builder, Map<Integer, Document> loaded) {
        super(builder);
        this.loaded = loaded;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            Document document = loaded.get(doc);
            if (document == null) {
                throw new IllegalStateException("document " + doc + " was not loaded before highlighting");
            }
            CharSequence[] byField = new CharSequence[fields.length];
            for (int f = 0; f < fields.length; f++) {
                byField[f] = value(document.getValues(fields[f]));
            }
            values.add(byField);
        }
        return values;
    }

    /** The field's values as the stored-fields reader gives them: joined by the separator, cut at the highlighter's maximum length. */
    private CharSequence value(String[] values) {
        if (values.length == 0) {
            return null;
        }
        String joined = values.length == 1 ? values[0] : String.join(String.valueOf(MULTIVAL_SEP_CHAR), values);
        return joined.length() > getMaxLength() ? joined.substring(0, getMaxLength()) : joined;
    }
}
