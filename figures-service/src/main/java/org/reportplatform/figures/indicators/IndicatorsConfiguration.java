package org.reportplatform.figures.indicators;

import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.figures.FiguresProperties;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration
class IndicatorsConfiguration {

    /** How long a write or a read of an old revision may wait for Kafka before the API answers 503. */
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(5);

    /** Reads old revisions back from the topic; closed with the context (inferred destroy method). */
    @Bean
    RevisionReader<IndicatorChanged> indicatorReader(ConsumerFactory<String, Object> consumers) {
        return new RevisionReader<>(Topics.INDICATORS, consumers, KAFKA_TIMEOUT);
    }

    @Bean
    IndicatorBook indicatorBook(RevisionReader<IndicatorChanged> indicatorReader) {
        return new IndicatorBook(indicatorReader);
    }

    @Bean
    RevisionLog<IndicatorChanged> indicatorLog(IndicatorBook book, KafkaTemplate<String, SpecificRecord> template,
            ConsumerFactory<String, Object> consumers) {
        return new RevisionLog<>(Topics.INDICATORS, book::keyOf, book::apply, template, consumers, KAFKA_TIMEOUT);
    }

    @Bean
    IndicatorWrites indicatorWrites(IndicatorBook book, RevisionLog<IndicatorChanged> indicatorLog, EventMetadataFactory metadata) {
        return new IndicatorWrites(book, indicatorLog, metadata);
    }

    @Bean
    IndicatorImport indicatorImport(IndicatorBook book, RevisionLog<IndicatorChanged> indicatorLog, EventMetadataFactory metadata,
            FiguresProperties limits) {
        return new IndicatorImport(book, indicatorLog, metadata, limits.maxImportRows());
    }
}
