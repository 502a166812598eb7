package org.reportplatform.render.rendering;

import java.util.List;

/** What the page templates ({@code src/main/jte}) print: plain values, escaped by jte. */
public final class Views {

    private Views() {
    }

    /** Around every page: language, titles, the way back to the contents. */
    public record PageFrame(String lang, String documentTitle, String reportTitle, String indexHref, Labels labels) {
    }

    public record Link(String href, String title) {
    }

    public record KeyFigure(String label, String value) {
    }

    /** {@code /{edition}/}. */
    public record IndexView(PageFrame frame, List<Link> chapters, List<KeyFigure> keyFigures) {
    }

    /**
     * {@code /{edition}/{slug}}. {@code bodyHtml} is the only markup not escaped by the template:
     * it comes out of {@link MarkdownRenderer}, sanitized. {@code previous}/{@code next} may be null.
     */
    public record ChapterView(PageFrame frame, String title, String bodyHtml, Link previous, Link next) {
    }
}
