package org.reportplatform.content.editions;

import org.reportplatform.content.chapters.ChapterBook;
import org.reportplatform.platform.editions.Edition;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.RevisionBeans;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.EditionChanged;
import org.reportplatform.schemas.EditionState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration
@Import(EditionsConfiguration.Beans.class)
class EditionsConfiguration {

    /** editionReader, editionBook and editionLog. */
    static final class Beans extends RevisionBeans<EditionChanged, EditionState, Edition, EditionBook> {
        Beans() {
            super(EditionBook.EDITIONS, EditionBook::new);
        }
    }

    @Bean
    EditionGuard editionGuard(EditionBook editions, ChapterBook chapters) {
        return new EditionGuard(editions, chapters);
    }

    @Bean
    EditionWrites editionWrites(EditionBook book, EditionGuard guard, ChapterBook chapters, RevisionLog<EditionChanged> editionLog,
            RevisionLog<ChapterChanged> chapterLog, EventMetadataFactory metadata) {
        return new EditionWrites(book, guard, chapters, editionLog, chapterLog, metadata);
    }
}
