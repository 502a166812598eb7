package org.reportplatform.render.rendering;

import java.util.List;

/** What the templates ({@code src/main/jte}) print: plain values, escaped by jte, unless named {@code …Html}. */
public final class Views {

    private Views() {
    }

    /**
     * Around every page: language, titles, the site's navigation (contents, key figures, finances,
     * the PDF) with {@code current} the page it is on (one of the {@code CURRENT_*}, or null).
     */
    public record PageFrame(String lang, String documentTitle, String reportTitle, SiteLinks links, String current, Labels labels) {
        public static final String CURRENT_INDEX = "index";
        public static final String CURRENT_KEY_FIGURES = "key-figures";
        public static final String CURRENT_FINANCES = "finances";

        public String indexHref() {
            return links.index();
        }

        public String ariaCurrent(String page) {
            return page.equals(current) ? "page" : null;
        }
    }

    /** The edition's fixed pages. */
    public record SiteLinks(String index, String keyFigures, String finances, String pdf) {
    }

    public record Link(String href, String title) {
    }

    public record KeyFigure(String label, String value) {
    }

    /** {@code /{edition}/}: the cover (title, subtitle), contents, a selection of the key figures. */
    public record IndexView(PageFrame frame, String subtitle, List<Link> chapters, List<KeyFigure> keyFigures, int totalKeyFigures) {
    }

    /**
     * {@code /{edition}/{slug}}. {@code bodyHtml} is the only markup not escaped by the template:
     * it comes out of {@link MarkdownRenderer}, sanitized. {@code previous}/{@code next} may be null.
     */
    public record ChapterView(PageFrame frame, String title, String bodyHtml, Link previous, Link next) {
    }

    /** One indicator on the key-figures page; unit, period and source may be empty. */
    public record KeyFigureRow(String id, String label, String value, String unit, String period, String source) {
    }

    /** A link to one of a paged list's pages; {@code current} on the page showing it. */
    public record PageLink(String href, int number, boolean current) {
        public String ariaCurrent() {
            return current ? "page" : null;
        }
    }

    /** {@code /{edition}/chiffres-cles[/n]}; {@code pages} is empty when all fit on one page. */
    public record KeyFiguresView(PageFrame frame, List<KeyFigureRow> figures, List<PageLink> pages) {
    }

    /** {@code /{edition}/finances}: {@code figuresHtml} written by {@link DatasetMarkup} (trusted, escaped). */
    public record FinanceView(PageFrame frame, List<String> figuresHtml) {
    }

    /** One chapter of the report PDF. */
    public record DocumentChapter(int number, String slug, String anchor, String title, String bodyHtml) {
    }

    /**
     * The whole report, for the PDF: cover, contents, key figures, chapters, and an appendix with
     * the datasets no chapter shows ({@code appendixHtml}, possibly empty). {@code wholeReport}
     * false: one chapter's pages only (a draft's preview), with the report's page style, running
     * headers and the chapter's number, but no cover, contents, key figures or appendix.
     */
    public record DocumentView(String lang, String reportTitle, String subtitle, Labels labels, List<DocumentChapter> chapters,
            List<KeyFigureRow> keyFigures, List<String> appendixHtml, boolean wholeReport) {
    }
}
