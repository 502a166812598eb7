package org.reportplatform.figures.schedules;

import org.reportplatform.platform.editions.EditionsFollower;
import io.micrometer.core.instrument.MeterRegistry;
import org.reportplatform.figures.indicators.IndicatorBook;
import org.reportplatform.figures.indicators.IndicatorWrites;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.RevisionBeans;
import org.reportplatform.platform.scheduling.DueSchedules;
import org.reportplatform.platform.scheduling.PublicationClock;
import org.reportplatform.platform.scheduling.SchedulingProperties;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorSchedule;
import org.reportplatform.schemas.IndicatorScheduleChanged;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration
@Import(SchedulesConfiguration.Beans.class)
class SchedulesConfiguration {

    /** scheduleReader, scheduleBook and scheduleLog. */
    static final class Beans extends RevisionBeans<IndicatorScheduleChanged, IndicatorSchedule, ScheduledValue, ScheduleBook> {
        Beans() {
            super(ScheduleBook.SCHEDULES, ScheduleBook::new);
        }
    }

    @Bean
    ScheduleWrites scheduleWrites(ScheduleBook book, RevisionLog<IndicatorScheduleChanged> scheduleLog, IndicatorBook indicators,
            RevisionLog<IndicatorChanged> indicatorLog, IndicatorWrites indicatorWrites, EventMetadataFactory metadata,
            PublicationClock clock, EditionsFollower editions) {
        return new ScheduleWrites(book, scheduleLog, indicators, indicatorLog, indicatorWrites, metadata, clock, editions);
    }

    /**
     * The indicator values' scheduled publications. Made (like every bean) before the logs replay
     * and handed to the book at once, so the replay plans every pending value; it starts firing
     * after the replay (its lifecycle phase), so a time that passed while the service was stopped
     * is published at start, once.
     */
    @Bean
    DueSchedules indicatorSchedules(ScheduleBook book, ScheduleWrites writes, PublicationClock clock, SchedulingProperties scheduling,
            MeterRegistry meters) {
        DueSchedules due = new DueSchedules("indicator", clock, scheduling.tick(), writes::fire, meters);
        book.planIn(due);
        return due;
    }
}
