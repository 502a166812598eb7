package org.reportplatform.content.drafts;

import io.micrometer.core.instrument.MeterRegistry;
import org.reportplatform.content.chapters.ChapterBook;
import org.reportplatform.content.editions.EditionGuard;
import org.reportplatform.platform.chapters.ChapterProperties;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.RevisionBeans;
import org.reportplatform.platform.scheduling.DueSchedules;
import org.reportplatform.platform.scheduling.PublicationClock;
import org.reportplatform.platform.scheduling.SchedulingProperties;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.DraftChanged;
import org.reportplatform.schemas.DraftState;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration
@Import(DraftsConfiguration.Beans.class)
@EnableConfigurationProperties(DraftsProperties.class)
class DraftsConfiguration {

    /** draftReader, draftBook and draftLog. */
    static final class Beans extends RevisionBeans<DraftChanged, DraftState, Draft, DraftBook> {
        Beans() {
            super(DraftBook.DRAFTS, DraftBook::new);
        }
    }

    @Bean
    PublishedChapters publishedChapters(ChapterBook chapters, DraftsProperties properties) {
        return new PublishedChapters(chapters, properties);
    }

    @Bean
    DraftWrites draftWrites(DraftBook drafts, PublishedChapters chapters, RevisionLog<ChapterChanged> chapterLog,
            RevisionLog<DraftChanged> draftLog, EventMetadataFactory metadata, ChapterProperties limits, PublicationClock clock,
            EditionGuard editions) {
        return new DraftWrites(drafts, chapters, chapterLog, draftLog, metadata, limits, clock, editions);
    }

    /**
     * The chapters' scheduled publications. Made (like every bean) before the logs replay, and
     * handed to the book at once, so the replay plans every pending schedule; it starts firing
     * after the replay (its lifecycle phase), so what fell due while the service was down goes out
     * at start, once.
     */
    @Bean
    DueSchedules chapterSchedules(DraftBook drafts, DraftWrites writes, PublicationClock clock, SchedulingProperties scheduling,
            MeterRegistry meters) {
        DueSchedules schedules = new DueSchedules("chapter", clock, scheduling.tick(), writes::fire, meters);
        drafts.planIn(schedules);
        return schedules;
    }
}
