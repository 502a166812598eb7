package org.reportplatform.gateway.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;
import org.reportplatform.gateway.site.SiteEntry;
import org.reportplatform.gateway.site.SiteView;
import org.reportplatform.platform.threads.LowerCpuPriority;
import org.reportplatform.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's search index of the public report: one Lucene document per published page of
 * {@code report.pages.v1}, in memory, fed by the reader of the {@link SiteView} (a
 * {@link SiteView.Listener}: no consumer of its own), so it holds exactly the pages the replica
 * serves. A page record replaces its document, a tombstone deletes it; nothing is ever rebuilt
 * whole after the initial read.
 *
 * <p>Near-real-time: after the initial read, a change is only noted (the latest content of each
 * path) on the reader's thread, and indexed on a thread of its own, which then refreshes the
 * searcher. That thread runs at a lower CPU priority ({@link LowerCpuPriority}): parsing a page and
 * refreshing the searcher took half the gateway's CPU during a stream of edits, on the cores the
 * next edit's request needed (docs/search.md, "What indexing costs"). Changes arriving while it
 * works are picked up by its next round, so a burst costs a few rounds, not one per page, and an
 * idle index costs nothing. The initial read is indexed on the reader's thread, and refreshed
 * once, at its end, before the replica reports itself ready.
 *
 * <p>Nothing is stored in Lucene: the index finds documents and their words' offsets, and the pages'
 * titles and texts are kept in memory as {@link IndexedPage}s, each searcher with the pages of its
 * reader ({@link PagesSearcher}).
 */
public class SearchIndex implements SiteView.Listener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    static final String PATH = "path";
    static final String EDITION = "edition";
    static final String LANGUAGE = "language";
    static final String TITLE = "title";
    static final String TEXT = "text";
    /** Analysed fields: each one per analysis, named {@code <field>_<analysis>}. */
    static final List<String> ANALYSED_FIELDS = List.of(TITLE, TEXT);

    /**
     * The text fields: their offsets in the postings, so the highlighter reads where the words found
     * are instead of analysing each result's text again (the text itself is in {@link IndexedPage}).
     */
    private static final FieldType TEXT_TYPE = textType();

    /**
     * Each file in one buffer once written: a query opens many slices of the index's files (a
     * term dictionary per field and segment, postings per result), and a file kept as many
     * buffers copies its list of buffers for each slice. Half a query's allocation went there.
     */
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(), ByteBuffersDataOutput::new,
            ByteBuffersDirectory.OUTPUT_AS_ONE_BUFFER);
    private final Analyzer analyzer = ReportAnalyzers.perField(ANALYSED_FIELDS);
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /**
     * Nice value of the indexing thread: it yields most of the CPU to requests, still gets it at
     * once on an idle machine, and keeps a page searchable within 100 ms under load (at 10 it
     * starved: docs/search.md).
     */
    private static final int INDEXER_NICENESS = 5;

    private final ExecutorService indexer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(() -> {
            LowerCpuPriority.ofThisThread(INDEXER_NICENESS);
            runnable.run();
        }, "search-indexer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean roundPending = new AtomicBoolean();
    /** After the initial read: the latest change of each path not indexed yet (empty: the page was removed). */
    private final Map<String, Optional<SiteEntry>> changes = new ConcurrentHashMap<>();
    /** Held while changes are indexed: one thread at a time takes them, so a path's changes apply in order. */
    private final Object indexing = new Object();
    /** Path -> the page, for every page indexed; changed only under {@link #indexing} once ready. */
    private final Map<String, IndexedPage> pages = new ConcurrentHashMap<>();
    /** Pages indexed per edition and language: which searches exist. */
    private final Map<PageKey, Integer> counts = new ConcurrentHashMap<>();
    /** Edition -> the language of its index page {@code /{edition}/}, the edition's source language. */
    private final Map<String, String> sourceLanguages = new ConcurrentHashMap<>();
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean ready;

    private record PageKey(String edition, String language) {

        static PageKey of(IndexedPage page) {
            return new PageKey(page.edition(), page.language());
        }
    }

    public SearchIndex() {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    // under the indexing lock (refresh): the reader and the pages are the same state
                    return new PagesSearcher(reader, Map.copyOf(pages));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void updated(SiteEntry entry) {
        if (!Topics.PAGES.name().equals(entry.topic())) {
            return;
        }
        changed(entry.path(), Optional.of(entry));
    }

    private void index(SiteEntry entry) {
        try {
            PageText page = entry.isHtml() ? PageText.of(entry.path(), entry.content()) : null;
            if (page == null) {
                delete(entry.path());
                return;
            }
            IndexedPage indexed = IndexedPage.of(page);
            writer.updateDocument(new Term(PATH, page.path()), document(page));
            forget(pages.put(page.path(), indexed));
            counts.merge(PageKey.of(indexed), 1, Integer::sum);
            if (page.kind().equals("index") && page.path().equals("/" + page.edition() + "/")) {
                sourceLanguages.put(page.edition(), page.language());
            }
        } catch (IOException | RuntimeException e) {
            skipped.incrementAndGet();
            log.error("could not index {}: {}", entry.path(), e.toString());
        }
    }

    @Override
    public void removed(String topic, String path) {
        if (!Topics.PAGES.name().equals(topic)) {
            return;
        }
        changed(path, Optional.empty());
    }

    /**
     * A change of the page at {@code path} (empty: removed): applied at once during the initial
     * read, noted for the indexing thread afterwards.
     */
    private void changed(String path, Optional<SiteEntry> change) {
        if (ready) {
            changes.put(path, change);
            scheduleRound();
        } else {
            apply(path, change);
        }
    }

    private void apply(String path, Optional<SiteEntry> change) {
        change.ifPresentOrElse(this::index, () -> remove(path));
    }

    private void remove(String path) {
        try {
            delete(path);
        } catch (IOException | RuntimeException e) {
            skipped.incrementAndGet();
            log.error("could not remove {} from the index: {}", path, e.toString());
        }
    }

    @Override
    public void caughtUp() {
        refresh();
        ready = true;
        log.info("search index ready: {} pages, {} bytes", pages.size(), bytes());
    }

    /** True once the initial read is indexed and searchable. */
    public boolean isReady() {
        return ready;
    }

    /** Pages indexed. */
    public int size() {
        return pages.size();
    }

    /** Pages that could not be indexed, since start. */
    public long skipped() {
        return skipped.get();
    }

    /** The edition's source language (the language of {@code /{edition}/}), if that page is indexed. */
    public Optional<String> sourceLanguage(String edition) {
        return Optional.ofNullable(sourceLanguages.get(edition));
    }

    /** True when a page of this edition in this language is indexed. */
    public boolean has(String edition, String language) {
        return counts.containsKey(new PageKey(edition, language));
    }

    /** The languages this edition has pages in. */
    public List<String> languages(String edition) {
        return counts.keySet().stream().filter(key -> key.edition().equals(edition)).map(PageKey::language).sorted().toList();
    }

    /** Memory the index takes: its files in memory, what the writer buffers and the pages' texts. */
    public long bytes() {
        try {
            long total = writer.ramBytesUsed();
            for (IndexedPage page : pages.values()) {
                total += page.bytes();
            }
            for (String file : directory.listAll()) {
                total += directory.fileLength(file);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code search} on the current searcher, released afterwards. */
    <T> T withSearcher(SearcherWork<T> search) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return search.run((PagesSearcher) searcher, analyzer);
        } finally {
            searchers.release(searcher);
        }
    }

    interface SearcherWork<T> {
        T run(PagesSearcher searcher, Analyzer analyzer) throws IOException;
    }

    /** Blocks until every change applied so far is searchable (tests and benchmarks). */
    public void refresh() {
        synchronized (indexing) {
            indexChanges();
            try {
                // under the lock: the new searcher's reader and its copy of the pages are one state
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        indexer.shutdownNow();
        try {
            // a round under way ends before the searcher and the writer close under it
            indexer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        searchers.close();
        writer.close();
    }

    private void delete(String path) throws IOException {
        IndexedPage page = pages.remove(path);
        if (page != null) {
            forget(page);
            if (path.equals("/" + page.edition() + "/")) {
                sourceLanguages.remove(page.edition());
            }
            writer.deleteDocuments(new Term(PATH, path));
        }
    }

    /** Uncounts a page no longer indexed (null: none). */
    private void forget(IndexedPage page) {
        if (page != null) {
            counts.computeIfPresent(PageKey.of(page), (k, count) -> count == 1 ? null : count - 1);
        }
    }

    /** Indexes the changes noted so far, in the calling thread, which holds {@link #indexing}. */
    private void indexChanges() {
        for (String path : List.copyOf(changes.keySet())) {
            Optional<SiteEntry> change = changes.remove(path);
            if (change != null) {
                apply(path, change);
            }
        }
    }

    /** A round of the indexing thread: the changes noted, then a refresh of the searcher. */
    private void scheduleRound() {
        if (roundPending.compareAndSet(false, true)) {
            indexer.execute(() -> {
                roundPending.set(false);
                try {
                    refresh();
                } catch (RuntimeException e) {
                    log.error("could not refresh the search index: {}", e.toString());
                }
            });
        }
    }

    /** The field of a text written in {@code language}: {@code text_<its analysis>}. */
    static String textField(String language) {
        return TEXT + "_" + ReportAnalyzers.analysis(language);
    }

    private static FieldType textType() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static Document document(PageText page) {
        Document document = new Document();
        document.add(new StringField(PATH, page.path(), Field.Store.NO));
        // the result's page, read per result without reading anything stored
        document.add(new SortedDocValuesField(PATH, new BytesRef(page.path())));
        document.add(new StringField(EDITION, page.edition(), Field.Store.NO));
        document.add(new StringField(LANGUAGE, page.language(), Field.Store.NO));
        document.add(new TextField(TITLE + "_" + ReportAnalyzers.analysis(page.titleLanguage()), page.title(), Field.Store.NO));
        // Two languages analysed alike (both OTHER) make two values of one field.
        page.text().forEach((language, text) ->
                document.add(new Field(textField(language), text, TEXT_TYPE)));
        return document;
    }
}
