package org.reportplatform.content.translations;

import org.reportplatform.content.chapters.ChapterBook;
import org.reportplatform.content.editions.EditionGuard;
import org.reportplatform.platform.chapters.ChapterProperties;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.RevisionBeans;
import org.reportplatform.schemas.TranslationChanged;
import org.reportplatform.schemas.TranslationState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration
@Import(TranslationsConfiguration.Beans.class)
class TranslationsConfiguration {

    /** translationReader, translationBook and translationLog. */
    static final class Beans extends RevisionBeans<TranslationChanged, TranslationState, TranslationText, TranslationBook> {
        Beans() {
            super(TranslationBook.TRANSLATIONS, TranslationBook::new);
        }
    }

    @Bean
    TranslationWrites translationWrites(TranslationBook book, ChapterBook chapters, RevisionLog<TranslationChanged> translationLog,
            EventMetadataFactory metadata, ChapterProperties limits, EditionGuard editions) {
        return new TranslationWrites(book, chapters, translationLog, metadata, limits, editions);
    }

    /** What a translation's draft becomes once published (the drafts package writes the drafts themselves). */
    @Bean
    TranslationDrafts translationDrafts(TranslationBook book, ChapterBook chapters, TranslationViews views,
            RevisionLog<TranslationChanged> translationLog, ChapterProperties limits, EditionGuard editions) {
        return new TranslationDrafts(book, chapters, views, translationLog, limits, editions);
    }
}
