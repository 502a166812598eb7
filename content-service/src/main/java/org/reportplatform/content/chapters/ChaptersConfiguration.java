package org.reportplatform.content.chapters;

import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration
class ChaptersConfiguration {

    /** How long a write or a read of an old revision may wait for Kafka before the API answers 503. */
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(5);

    /** Reads old revisions back from the topic; closed with the context (inferred destroy method). */
    @Bean
    RevisionReader<ChapterChanged> chapterReader(ConsumerFactory<String, Object> consumers) {
        return new RevisionReader<>(Topics.CHAPTERS, consumers, KAFKA_TIMEOUT);
    }

    @Bean
    ChapterBook chapterBook(RevisionReader<ChapterChanged> chapterReader) {
        return new ChapterBook(chapterReader);
    }

    @Bean
    RevisionLog<ChapterChanged> chapterLog(ChapterBook book, KafkaTemplate<String, SpecificRecord> template,
            ConsumerFactory<String, Object> consumers) {
        return new RevisionLog<>(Topics.CHAPTERS, book::keyOf, book::apply, template, consumers, KAFKA_TIMEOUT);
    }

    @Bean
    ChapterWrites chapterWrites(ChapterBook book, RevisionLog<ChapterChanged> chapterLog, EventMetadataFactory metadata,
            ChapterProperties limits) {
        return new ChapterWrites(book, chapterLog, metadata, limits);
    }
}
