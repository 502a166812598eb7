package org.reportplatform.gateway.search;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * What a published report page says, as the index holds it: taken from the page's {@code <main>}
 * (the site header, navigation, language switcher, skip link and the chapter pager are not the
 * page's content), its text grouped by the language it is written in ({@code lang} of the nearest
 * element: an English page showing a chapter not translated yet holds French text).
 *
 * @param edition  the edition, the path's first segment
 * @param language the page's language ({@code <html lang>})
 * @param path     the URL path
 * @param kind     {@code chapter}, {@code index}, {@code key-figures} or {@code finances}
 * @param title    the page's {@code h1} (else its {@code <title>})
 * @param titleLanguage the language the title is written in
 * @param text     per language of the text, the text (headings included)
 */
record PageText(String edition, String language, String path, String kind, String title, String titleLanguage,
        Map<String, String> text) {

    /** {@code /{edition}/}, {@code /{edition}/{name}}, {@code /{edition}/{lang}/}, {@code /{edition}/{lang}/{name}[/{n}]}. */
    private static final Pattern REPORT_PAGE = Pattern.compile("/(\\d{1,18})/(?:([a-z]{2,3})/)?([^/]*)(?:/\\d+)?");
    /** Elements of {@code <main>} that are navigation, not content. */
    private static final String NOT_CONTENT = "nav, script, style, template, [hidden], [aria-hidden=true]";
    /** Elements whose end is a break between words. */
    private static final java.util.Set<String> INLINE = java.util.Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "code",
            "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr");

    /**
     * Ends each block of text (a heading, a paragraph, a table cell): the paragraph separator, which
     * the sentence break iterator of the snippets treats as the end of a sentence (a line feed is not).
     */
    static final String BLOCK_END = "\u2029";

    PageText {
        text = Map.copyOf(text);
    }

    /** The page at {@code path}, or null when it is not a page of an edition's report (e.g. {@code /editions}). */
    static PageText of(String path, byte[] html) {
        Matcher matcher = REPORT_PAGE.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        Document page = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        String language = page.selectFirst("html").attr("lang");
        if (language.isBlank()) {
            return null;
        }
        Element main = page.selectFirst("main");
        if (main == null) {
            return null;
        }
        main.select(NOT_CONTENT).remove();
        Element heading = main.selectFirst("h1");
        String title = heading != null ? heading.text() : page.title();
        String titleLanguage = heading != null ? languageOf(heading, language) : language;
        Map<String, StringBuilder> byLanguage = new LinkedHashMap<>();
        collect(main, language, byLanguage);
        Map<String, String> text = new LinkedHashMap<>();
        byLanguage.forEach((lang, words) -> {
            String clean = words.toString().replaceAll("\\s*" + BLOCK_END + "[\\s" + BLOCK_END + "]*", BLOCK_END).strip();
            if (!clean.isEmpty()) {
                text.put(lang, clean);
            }
        });
        return new PageText(matcher.group(1), language, path, kind(matcher.group(3)), title, titleLanguage, text);
    }

    private static String kind(String name) {
        return switch (name) {
            case "" -> "index";
            case "chiffres-cles" -> "key-figures";
            case "finances" -> "finances";
            default -> "chapter";
        };
    }

    private static String languageOf(Element element, String pageLanguage) {
        for (Element at = element; at != null; at = at.parent()) {
            if (at.hasAttr("lang") && !at.attr("lang").isBlank()) {
                return at.attr("lang");
            }
        }
        return pageLanguage;
    }

    /** Appends the text of {@code element} to its language's text, a line break after each block. */
    private static void collect(Element element, String language, Map<String, StringBuilder> byLanguage) {
        String lang = element.hasAttr("lang") && !element.attr("lang").isBlank() ? element.attr("lang") : language;
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                byLanguage.computeIfAbsent(lang, l -> new StringBuilder()).append(text.text());
            } else if (child instanceof Element inner) {
                collect(inner, lang, byLanguage);
                if (!INLINE.contains(inner.normalName())) {
                    byLanguage.computeIfAbsent(lang, l -> new StringBuilder()).append(BLOCK_END);
                }
            }
        }
    }
}
