package org.reportplatform.content.drafts;

import org.reportplatform.schemas.DraftChanged;
import org.reportplatform.schemas.Topics;

/**
 * Which draft: the chapter's own ({@code language} null) or the draft of its translation into
 * {@code language}. Its id in the drafts' book is {@code {slug}} or {@code {slug}/{language}}, so
 * the record key is {@code {edition}/{slug}} or {@code {edition}/{slug}/{language}}.
 */
public record DraftKey(String edition, String slug, String language) {

    public static DraftKey of(DraftChanged event) {
        return new DraftKey(event.getEdition(), event.getSlug(), event.getLanguage());
    }

    /** The key of a record of report.drafts.v1 ({@code 2024/enfants} or {@code 2024/enfants/en}). */
    public static DraftKey parse(String recordKey) {
        String[] parts = recordKey.split("/", 3);
        return new DraftKey(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    public boolean isTranslation() {
        return language != null;
    }

    /** The id in the book: {@code enfants} or {@code enfants/en}. */
    public String id() {
        return language == null ? slug : slug + "/" + language;
    }

    public String recordKey() {
        return Topics.sourceKey(edition, id());
    }

    /** How messages name it: « chapter enfants », « the en translation of chapter enfants ». */
    public String describe() {
        return (language == null ? "" : "the " + language + " translation of ") + "chapter " + slug + " of edition " + edition;
    }
}
