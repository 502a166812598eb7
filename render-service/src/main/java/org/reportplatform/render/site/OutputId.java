package org.reportplatform.render.site;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.ReportIds;
import org.reportplatform.schemas.Topic;
import org.reportplatform.schemas.Topics;

/**
 * One output the render service publishes, named by the URL path it is served at (its record
 * key): the HTML pages of {@code report.pages.v1} and the report PDF of {@code report.documents.v1},
 * in the edition's source language at {@code /{edition}/…} and in each target language at
 * {@code /{edition}/{language}/…}; and the {@code /editions} page.
 */
public sealed interface OutputId extends Comparable<OutputId> {

    /** {@code /{edition}/} or {@code /{edition}/{language}/}. */
    Pattern INDEX_PATH = Pattern.compile("/([^/]+)/(?:([a-z]{2,3})/)?");
    /** {@code /{edition}/{name}} or {@code /{edition}/{language}/{name}}. */
    Pattern SECOND_LEVEL_PATH = Pattern.compile("/([^/]+)/(?:([a-z]{2,3})/)?([^/]+)");
    Pattern KEY_FIGURES_PAGE_PATH = Pattern.compile("/([^/]+)/(?:([a-z]{2,3})/)?chiffres-cles/([1-9][0-9]{0,8})");

    Pattern PREVIEW_PATH = Pattern.compile("/preview/([^/]+)/(?:([^/]+)/)?([^/]+?)(\\.pdf)?");

    Comparator<OutputId> ORDER = Comparator.comparing((OutputId id) -> id.topic().name()).thenComparing(OutputId::path);

    /**
     * The order a flush renders its dirty outputs in: chapter pages first (small, and what an edit
     * is waiting for), the source language's before the translations', then the pages listing many
     * sources; each is published as soon as rendered.
     */
    Comparator<OutputId> RENDER_ORDER = Comparator.comparingInt(OutputId::rank)
            .thenComparing((OutputId id) -> id.language() != null)
            .thenComparing(ORDER);

    /** The URL path, also the record key. */
    String path();

    /** The edition it belongs to (null for a path this version no longer understands). */
    String edition();

    /** The topic it is published to. */
    default Topic<RenderedOutput> topic() {
        return Topics.PAGES;
    }

    /** Place in {@link #RENDER_ORDER}. */
    int rank();

    @Override
    default int compareTo(OutputId other) {
        return ORDER.compare(this, other);
    }

    /**
     * The language of an output: null for the edition's source language (its pages are at the
     * edition's root), else one of {@link ReportIds#LANGUAGES}, a target language.
     */
    String language();

    /** The page served at a path of {@code report.pages.v1}. */
    static OutputId forPagePath(String path) {
        if (path.equals(EditionsPage.PATH)) {
            return new EditionsPage();
        }
        Matcher index = INDEX_PATH.matcher(path);
        if (index.matches() && knownLanguage(index.group(2))) {
            return new IndexPage(index.group(1), index.group(2));
        }
        Matcher page = SECOND_LEVEL_PATH.matcher(path);
        if (page.matches() && knownLanguage(page.group(2)) && !ReportIds.isReportLanguage(page.group(3))) {
            return switch (page.group(3)) {
                case KeyFiguresPage.NAME -> new KeyFiguresPage(page.group(1), page.group(2), 1);
                case FinancePage.NAME -> new FinancePage(page.group(1), page.group(2));
                default -> new ChapterPage(page.group(1), page.group(2), page.group(3));
            };
        }
        Matcher keyFigures = KEY_FIGURES_PAGE_PATH.matcher(path);
        if (keyFigures.matches() && knownLanguage(keyFigures.group(2)) && Integer.parseInt(keyFigures.group(3)) > 1) {
            return new KeyFiguresPage(keyFigures.group(1), keyFigures.group(2), Integer.parseInt(keyFigures.group(3)));
        }
        return new RetiredOutput(Topics.PAGES, path);
    }

    /** The document served at a path of {@code report.documents.v1}. */
    static OutputId forDocumentPath(String path) {
        Matcher document = SECOND_LEVEL_PATH.matcher(path);
        if (document.matches() && knownLanguage(document.group(2)) && document.group(3).equals(ReportDocument.NAME)) {
            return new ReportDocument(document.group(1), document.group(2));
        }
        return new RetiredOutput(Topics.DOCUMENTS, path);
    }

    private static boolean knownLanguage(String language) {
        return language == null || ReportIds.isReportLanguage(language);
    }

    /** {@code /{edition}/} for the source language (null), {@code /{edition}/{language}/} for a target language. */
    static String root(String edition, String language) {
        return "/" + edition + "/" + (language == null ? "" : language + "/");
    }

    /** A preview served at a path of {@code report.previews.v1}. */
    static OutputId forPreviewPath(String path) {
        Matcher preview = PREVIEW_PATH.matcher(path);
        if (preview.matches()) {
            return preview.group(4) == null ? new DraftPage(preview.group(1), preview.group(2), preview.group(3))
                    : new DraftDocument(preview.group(1), preview.group(2), preview.group(3));
        }
        return new RetiredOutput(Topics.PREVIEWS, path);
    }

    /** {@code /{edition}/}: cover, table of contents, a selection of key figures. */
    record IndexPage(String edition, String language) implements OutputId {
        public IndexPage(String edition) {
            this(edition, null);
        }

        @Override
        public String path() {
            return root(edition, language);
        }

        @Override
        public int rank() {
            return 1;
        }
    }

    /** {@code /{edition}/{slug}}: one chapter. */
    record ChapterPage(String edition, String language, String slug) implements OutputId {
        public ChapterPage(String edition, String slug) {
            this(edition, null, slug);
        }

        @Override
        public String path() {
            return root(edition, language) + slug;
        }

        @Override
        public int rank() {
            return 0;
        }
    }

    /**
     * {@code /{edition}/chiffres-cles}: every indicator of the edition, {@code PER_PAGE} a page
     * (by id): {@code /{edition}/chiffres-cles/2} and on for the next ones. A page has a bounded
     * size, and a figure's change rebuilds the one page that lists it.
     */
    record KeyFiguresPage(String edition, String language, int number) implements OutputId {
        public static final String NAME = "chiffres-cles";
        public static final int PER_PAGE = 250;

        public KeyFiguresPage {
            if (number < 1) {
                throw new IllegalArgumentException("key-figures pages are numbered from 1");
            }
        }

        public KeyFiguresPage(String edition, int number) {
            this(edition, null, number);
        }

        /** How many key-figures pages an edition with that many indicators has (at least one). */
        public static int count(int indicators) {
            return Math.max(1, (indicators + PER_PAGE - 1) / PER_PAGE);
        }

        @Override
        public String path() {
            return root(edition, language) + NAME + (number == 1 ? "" : "/" + number);
        }

        @Override
        public int rank() {
            return 3;
        }
    }

    /** {@code /{edition}/finances}: every dataset of the edition, as a chart and a table. */
    record FinancePage(String edition, String language) implements OutputId {
        public static final String NAME = "finances";

        public FinancePage(String edition) {
            this(edition, null);
        }

        @Override
        public String path() {
            return root(edition, language) + NAME;
        }

        @Override
        public int rank() {
            return 2;
        }
    }

    /** {@code /{edition}/report.pdf} on {@code report.documents.v1}: the whole report as one PDF. */
    record ReportDocument(String edition, String language) implements OutputId {
        public static final String NAME = "report.pdf";

        public ReportDocument(String edition) {
            this(edition, null);
        }

        @Override
        public String path() {
            return root(edition, language) + NAME;
        }

        @Override
        public Topic<RenderedOutput> topic() {
            return Topics.DOCUMENTS;
        }

        @Override
        public int rank() {
            return 4;
        }
    }

    /**
     * {@code /preview/{edition}/{slug}} on {@code report.previews.v1}: the chapter page as the
     * open draft of that chapter would publish it; {@code /preview/{edition}/{language}/{slug}}
     * the page in {@code language} as the open draft of its translation would publish it. Never on
     * a public topic.
     */
    record DraftPage(String edition, String language, String slug) implements OutputId {
        public static final String PREFIX = "/preview/";

        @Override
        public String path() {
            return PREFIX + edition + "/" + (language == null ? "" : language + "/") + slug;
        }

        @Override
        public Topic<RenderedOutput> topic() {
            return Topics.PREVIEWS;
        }

        @Override
        public int rank() {
            return 0;
        }
    }

    /**
     * {@code /preview/{edition}[/{language}]/{slug}.pdf} on {@code report.previews.v1}: that
     * chapter's pages of the report PDF (in {@code language}), as the draft would make them.
     */
    record DraftDocument(String edition, String language, String slug) implements OutputId {
        public static final String SUFFIX = ".pdf";

        @Override
        public String path() {
            return new DraftPage(edition, language, slug).path() + SUFFIX;
        }

        @Override
        public Topic<RenderedOutput> topic() {
            return Topics.PREVIEWS;
        }

        @Override
        public int rank() {
            return 4;
        }
    }

    /**
     * {@code /editions}: the public editions, newest first, each with its languages. It belongs
     * to no edition: its {@link #edition()} is "" (what {@code RenderedOutput.edition} carries).
     */
    record EditionsPage() implements OutputId {
        public static final String PATH = "/editions";

        @Override
        public String path() {
            return PATH;
        }

        @Override
        public String edition() {
            return "";
        }

        @Override
        public String language() {
            return null;
        }

        @Override
        public int rank() {
            return 2;
        }
    }

    /** A published path no output of this version has: it only ever renders as absent (a tombstone). */
    record RetiredOutput(Topic<RenderedOutput> topic, String path) implements OutputId {
        @Override
        public String edition() {
            return null;
        }

        @Override
        public String language() {
            return null;
        }

        @Override
        public int rank() {
            return 5;
        }
    }

    /** Whether it goes to {@code report.documents.v1} (rendered by the document worker, off the page path). */
    default boolean isDocument() {
        return topic().name().equals(Topics.DOCUMENTS.name());
    }
}
