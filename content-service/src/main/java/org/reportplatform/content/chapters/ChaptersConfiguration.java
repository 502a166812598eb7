package org.reportplatform.content.chapters;

import org.reportplatform.content.drafts.DraftsProperties;
import org.reportplatform.content.editions.EditionGuard;
import org.reportplatform.platform.chapters.ChapterProperties;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.RevisionBeans;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration
@Import(ChaptersConfiguration.Beans.class)
class ChaptersConfiguration {

    /** chapterReader, chapterBook and chapterLog. */
    static final class Beans extends RevisionBeans<ChapterChanged, ChapterState, Chapter, ChapterBook> {
        Beans() {
            super(ChapterBook.CHAPTERS, ChapterBook::new);
        }
    }

    @Bean
    ChapterWrites chapterWrites(ChapterBook book, RevisionLog<ChapterChanged> chapterLog, EventMetadataFactory metadata,
            ChapterProperties limits, DraftsProperties drafts, EditionGuard editions) {
        return new ChapterWrites(book, chapterLog, metadata, limits, drafts::reviewRequired, editions);
    }
}
