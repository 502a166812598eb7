package org.reportplatform.gateway.search;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * A page as the index keeps it in memory beside its Lucene document: what a result shows, and the
 * text of each analysed field as the highlighter reads it. Kept as strings rather than as stored
 * fields: reading a stored page decompresses and decodes all of it, and on the key-figures pages
 * that was half of what a query allocated (docs/search.md, "What a query costs").
 *
 * @param edition  the edition
 * @param language the page's language
 * @param path     the URL path
 * @param kind     {@code chapter}, {@code index}, {@code key-figures} or {@code finances}
 * @param title    the page's title
 * @param fields   per text field ({@code text_fr}, …), its text: the values of the field joined as
 *                 the highlighter joins them, cut where it stops reading
 */
record IndexedPage(String edition, String language, String path, String kind, String title, Map<String, String> fields) {

    /** What the highlighter reads of a field at most: nothing after it is kept. */
    static final int MAX_LENGTH = UnifiedHighlighter.DEFAULT_MAX_LENGTH;

    IndexedPage {
        fields = Map.copyOf(fields);
    }

    static IndexedPage of(PageText page) {
        Map<String, StringBuilder> joined = new LinkedHashMap<>();
        // Two languages analysed alike (both OTHER) are two values of one field
        page.text().forEach((language, text) -> joined.merge(SearchIndex.textField(language),
                new StringBuilder(text), (one, other) -> one.append(IndexedPagesHighlighter.VALUE_SEPARATOR).append(other)));
        Map<String, String> fields = new LinkedHashMap<>();
        joined.forEach((field, text) -> fields.put(field, text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text.toString()));
        return new IndexedPage(page.edition(), page.language(), page.path(), page.kind(), page.title(), fields);
    }

    /** The field's text, or null when the page has none in it. */
    String text(String field) {
        return fields.get(field);
    }

    /** The first value of the field (the text of one language), or null. */
    String firstValue(String field) {
        String text = fields.get(field);
        if (text == null) {
            return null;
        }
        int separator = text.indexOf(IndexedPagesHighlighter.VALUE_SEPARATOR);
        return separator < 0 ? text : text.substring(0, separator);
    }

    /** Roughly the memory its strings take (two bytes a character at most). */
    long bytes() {
        long characters = path.length() + title.length();
        for (String text : fields.values()) {
            characters += text.length();
        }
        return 2 * characters;
    }
}
