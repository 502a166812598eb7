package org.reportplatform.content.chapters;

import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration
class ChaptersConfiguration {

    @Bean
    ChapterBook chapterBook() {
        return new ChapterBook();
    }

    @Bean
    RevisionLog<ChapterChanged> chapterLog(ChapterBook book, KafkaTemplate<String, SpecificRecord> template,
            ConsumerFactory<String, Object> consumers) {
        return new RevisionLog<>(Topics.CHAPTERS, book::keyOf, book::apply,
                template, consumers, Duration.ofSeconds(5));
    }

    @Bean
    ChapterWrites chapterWrites(ChapterBook book, RevisionLog<ChapterChanged> chapterLog, EventMetadataFactory metadata,
            ChapterProperties limits) {
        return new ChapterWrites(book, chapterLog, metadata, limits);
    }
}
