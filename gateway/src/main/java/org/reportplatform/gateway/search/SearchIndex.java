package org.reportplatform.gateway.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.reportplatform.gateway.site.SiteEntry;
import org.reportplatform.gateway.site.SiteView;
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
 * <p>Near-real-time: after the initial read, every change asks for a refresh of the searcher on a
 * thread of its own; changes arriving while a refresh runs are picked up by the next one, so a
 * burst costs a few refreshes, not one per page, and an idle index costs nothing. The initial
 * read refreshes once, at its end, before the replica reports itself ready.
 */
public class SearchIndex implements SiteView.Listener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    static final String PATH = "path";
    static final String EDITION = "edition";
    static final String LANGUAGE = "language";
    static final String KIND = "kind";
    static final String TITLE = "title";
    static final String TEXT = "text";
    /** Analysed fields: each one per analysis, named {@code <field>_<analysis>}. */
    static final List<String> ANALYSED_FIELDS = List.of(TITLE, TEXT);

    /**
     * The text fields: stored (for the snippets) with their offsets in the postings, so the
     * highlighter reads where the words found are instead of analysing each result's text again.
     */
    private static final FieldType TEXT_TYPE = textType();

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final Analyzer analyzer = ReportAnalyzers.perField(ANALYSED_FIELDS);
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "search-index-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    /** Path -> where its page belongs, for every page indexed. */
    private final Map<String, PageKey> pages = new ConcurrentHashMap<>();
    /** Pages indexed per edition and language: which searches exist. */
    private final Map<PageKey, Integer> counts = new ConcurrentHashMap<>();
    /** Edition -> the language of its index page {@code /{edition}/}, the edition's source language. */
    private final Map<String, String> sourceLanguages = new ConcurrentHashMap<>();
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean ready;

    private record PageKey(String edition, String language) {
    }

    public SearchIndex() {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            searchers = new SearcherManager(writer, new SearcherFactory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void updated(SiteEntry entry) {
        if (!Topics.PAGES.name().equals(entry.topic())) {
            return;
        }
        try {
            PageText page = entry.isHtml() ? PageText.of(entry.path(), entry.content()) : null;
            if (page == null) {
                delete(entry.path());
                return;
            }
            writer.updateDocument(new Term(PATH, page.path()), document(page));
            forget(pages.put(page.path(), new PageKey(page.edition(), page.language())));
            counts.merge(new PageKey(page.edition(), page.language()), 1, Integer::sum);
            if (page.kind().equals("index") && page.path().equals("/" + page.edition() + "/")) {
                sourceLanguages.put(page.edition(), page.language());
            }
            changed();
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

    /** Memory the index takes: its files in memory plus what the writer buffers. */
    public long bytes() {
        try {
            long total = writer.ramBytesUsed();
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
            return search.run(searcher, analyzer);
        } finally {
            searchers.release(searcher);
        }
    }

    interface SearcherWork<T> {
        T run(IndexSearcher searcher, Analyzer analyzer) throws IOException;
    }

    /** Blocks until every change applied so far is searchable (tests and benchmarks). */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        refresher.shutdownNow();
        searchers.close();
        writer.close();
    }

    private void delete(String path) throws IOException {
        PageKey key = pages.remove(path);
        if (key != null) {
            forget(key);
            if (path.equals("/" + key.edition() + "/")) {
                sourceLanguages.remove(key.edition());
            }
            writer.deleteDocuments(new Term(PATH, path));
            changed();
        }
    }

    private void forget(PageKey key) {
        if (key != null) {
            counts.computeIfPresent(key, (k, count) -> count == 1 ? null : count - 1);
        }
    }

    private void changed() {
        if (ready && refreshPending.compareAndSet(false, true)) {
            refresher.execute(() -> {
                refreshPending.set(false);
                try {
                    refresh();
                } catch (RuntimeException e) {
                    log.error("could not refresh the search index: {}", e.toString());
                }
            });
        }
    }

    private static FieldType textType() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    private static Document document(PageText page) {
        Document document = new Document();
        document.add(new StringField(PATH, page.path(), Field.Store.YES));
        document.add(new StringField(EDITION, page.edition(), Field.Store.NO));
        document.add(new StringField(LANGUAGE, page.language(), Field.Store.NO));
        document.add(new StoredField(KIND, page.kind()));
        document.add(new StoredField(TITLE, page.title()));
        document.add(new TextField(TITLE + "_" + ReportAnalyzers.analysis(page.titleLanguage()), page.title(), Field.Store.NO));
        // Stored for the snippets; two languages analysed alike (both OTHER) make two values of one field.
        page.text().forEach((language, text) ->
                document.add(new Field(TEXT + "_" + ReportAnalyzers.analysis(language), text, TEXT_TYPE)));
        return document;
    }
}
