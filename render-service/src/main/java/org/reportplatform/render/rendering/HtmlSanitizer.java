package org.reportplatform.render.rendering;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans the HTML a chapter body renders to, whatever its author wrote: only the elements and
 * attributes of {@link Safelist#relaxed()} (plus a few harmless text-level ones and the classes
 * the renderer itself emits) survive; no script, style, iframe, form, object or embed; no event
 * handler ({@code on*}) or {@code style} attribute; links only to http, https, mailto or a
 * relative path; images only from http or https (no {@code javascript:} or {@code data:} URL).
 *
 * <p>Headings are shifted so that the body has no {@code h1}: the page's title is its one h1.
 */
public final class HtmlSanitizer {

    /** Relative links are resolved against this only to check their protocol; they are kept as written. */
    private static final String BASE_URI = "https://report.invalid/";

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("hr", "del", "s", "ins", "mark", "abbr")
            .addAttributes("abbr", "title")
            .addAttributes("span", "class")
            .addAttributes("p", "class")
            .addAttributes("table", "class")
            .addAttributes("th", "class")
            .addAttributes("td", "class", "align")
            .addAttributes("th", "align")
            .addAttributes("code", "class")
            .preserveRelativeLinks(true);

    public String sanitize(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, BASE_URI);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.select("h1").tagName("h2");
        clean.outputSettings()
                .prettyPrint(false)
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base);
        return clean.body().html();
    }
}
