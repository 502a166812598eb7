package org.reportplatform.content.translations;

import java.util.Locale;

/**
 * Where a chapter's translation into one language stands: missing, translated, or stale (the
 * source's title or body changed in a revision after the one the translation records).
 */
public enum TranslationStatus {
    TRANSLATED, STALE, MISSING;

    /**
     * The status of a translation, given the source's latest text revision. One that only names
     * its translator team (an admin assigned it before anyone translated) has no text: missing.
     */
    static TranslationStatus of(TranslationText text, long sourceTextRevision) {
        if (!text.hasText()) {
            return MISSING;
        }
        return text.sourceRevision() < sourceTextRevision ? STALE : TRANSLATED;
    }

    /** As the API writes it: {@code translated}, {@code stale}, {@code missing}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
