package org.reportplatform.content.drafts;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.content.chapters.ChapterBook;
import org.reportplatform.content.editions.EditionGuard;
import org.reportplatform.platform.chapters.ChapterProperties;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.AtRevision;
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
    ChapterDrafts chapterDrafts(ChapterBook chapters, RevisionLog<ChapterChanged> chapterLog, ChapterProperties limits) {
        return new ChapterDrafts(chapters, chapterLog, limits);
    }

    /** One writer per kind of draft (a chapter's, a translation's: every {@link DraftTarget} bean), sharing the drafts' log and book. */
    @Bean
    DraftKinds draftKinds(List<DraftTarget<?, ?>> targets, DraftBook drafts, RevisionLog<DraftChanged> draftLog,
            EventMetadataFactory metadata, ChapterProperties limits, DraftsProperties properties, PublicationClock clock,
            EditionGuard editions) {
        return new DraftKinds(targets.stream().<DraftWrites<?, ?>>map(target -> writes(target, drafts, draftLog, metadata, limits,
                properties, clock, editions)).toList());
    }

    private static <E extends SpecificRecord, P extends AtRevision> DraftWrites<E, P> writes(DraftTarget<E, P> target, DraftBook drafts,
            RevisionLog<DraftChanged> draftLog, EventMetadataFactory metadata, ChapterProperties limits, DraftsProperties properties,
            PublicationClock clock, EditionGuard editions) {
        return new DraftWrites<>(drafts, target, draftLog, metadata, limits, properties, clock, editions);
    }

    /**
     * The scheduled publications of every draft, a chapter's or a translation's: one scheduler,
     * so one {@code checked.until} says everything due was published. Made (like every bean)
     * before the logs replay, and handed to the book at once, so the replay plans every pending
     * schedule; it starts firing after the replay (its lifecycle phase), so what fell due while the
     * service was down goes out at start, once. Its metrics keep the kind {@code chapter} they have
     * always had.
     */
    @Bean
    DueSchedules chapterSchedules(DraftBook drafts, DraftKinds kinds, PublicationClock clock, SchedulingProperties scheduling,
            MeterRegistry meters) {
        DueSchedules schedules = new DueSchedules("chapter", clock, scheduling.tick(), kinds::fire, meters);
        drafts.planIn(schedules);
        return schedules;
    }
}
