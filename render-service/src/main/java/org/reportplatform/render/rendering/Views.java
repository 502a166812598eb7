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
    public record PageFrame(String lang, String documentTitle, String reportTitle, SiteLinks links, String current, Labels labels,
            Languages languages) {
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

    /**
     * The same page in each language of the edition: {@code <link rel="alternate" hreflang>} for
     * each, {@code x-default} the source language's, and the language switcher (shown when there
     * is more than one).
     */
    public record Languages(List<LanguageLink> links, String xDefault) {
        public static final Languages NONE = new Languages(List.of(), null);

        public boolean switcher() {
            return links.size() > 1;
        }
    }

    /** One language version of a page: its language, that language's own name, its path, whether it is this page. */
    public record LanguageLink(String lang, String name, String href, boolean current) {
        public String ariaCurrent() {
            return current ? "page" : null;
        }
    }

    /** « Corrigé le 5 décembre 2026 : » and the note, in the source's language {@code noteLang} (null when it is the page's). */
    public record Erratum(String corrected, String note, String noteLang) {
    }

    /** A public edition on {@code /editions}: its title and each language's index. */
    public record EditionEntry(String edition, String title, String lang, List<LanguageLink> languages) {
    }

    /** {@code /editions}. */
    public record EditionsView(PageFrame frame, List<EditionEntry> editions) {
    }

    /** The edition's fixed pages. */
    public record SiteLinks(String index, String keyFigures, String finances, String pdf) {
        /** The edition's search page in this language, served by the gateway. */
        public String search() {
            return index + "recherche";
        }
    }

    /** A link to a page; {@code lang} the title's language when it is not the page's (an untranslated chapter's title), else null. */
    public record Link(String href, String title, String lang) {
        public Link(String href, String title) {
            this(href, title, null);
        }
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
    public record ChapterView(PageFrame frame, String title, String bodyHtml, Link previous, Link next, String textLang,
            String notice, String staleNotice, List<Erratum> errata) {
        /** The container's {@code lang} when the text is not in the page's language (a chapter not translated yet), else null. */
        public String containerLang() {
            return textLang == null || textLang.equals(frame.lang()) ? null : textLang;
        }
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
    public record DocumentChapter(int number, String slug, String anchor, String title, String bodyHtml, String textLang,
            String notice, List<Erratum> errata) {
        public DocumentChapter(int number, String slug, String anchor, String title, String bodyHtml) {
            this(number, slug, anchor, title, bodyHtml, null, null, List.of());
        }
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
