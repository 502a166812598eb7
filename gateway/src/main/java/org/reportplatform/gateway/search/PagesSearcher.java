package org.reportplatform.gateway.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;

/**
 * A searcher with the pages its reader holds: the index's {@link IndexedPage}s as they were when
 * the reader was opened (both taken under the index's lock), so a result is always shown with the
 * text its own document was indexed from, even while newer versions of the page are indexed.
 */
final class PagesSearcher extends IndexSearcher {

    private final Map<String, IndexedPage> pages;

    PagesSearcher(IndexReader reader, Map<String, IndexedPage> pages) {
        super(reader);
        this.pages = pages;
    }

    /** The page of document {@code doc}, through its path (a doc value: nothing stored is read). */
    IndexedPage page(int doc) throws IOException {
        List<LeafReaderContext> leaves = getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues paths = DocValues.getSorted(leaf.reader(), SearchIndex.PATH);
        if (!paths.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("document " + doc + " has no path");
        }
        String path = paths.lookupOrd(paths.ordValue()).utf8ToString();
        IndexedPage page = pages.get(path);
        if (page == null) {
            throw new IllegalStateException("no page " + path + " beside the reader that holds it");
        }
        return page;
    }
}
