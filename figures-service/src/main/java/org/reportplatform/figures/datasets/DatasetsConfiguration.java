package org.reportplatform.figures.datasets;

import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.figures.FiguresProperties;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration
class DatasetsConfiguration {

    /** How long a write or a read of an old revision may wait for Kafka before the API answers 503. */
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(5);

    /** Reads old revisions back from the topic; closed with the context (inferred destroy method). */
    @Bean
    RevisionReader<DatasetChanged> datasetReader(ConsumerFactory<String, Object> consumers) {
        return new RevisionReader<>(Topics.DATASETS, consumers, KAFKA_TIMEOUT);
    }

    @Bean
    DatasetBook datasetBook(RevisionReader<DatasetChanged> datasetReader) {
        return new DatasetBook(datasetReader);
    }

    @Bean
    RevisionLog<DatasetChanged> datasetLog(DatasetBook book, KafkaTemplate<String, SpecificRecord> template,
            ConsumerFactory<String, Object> consumers) {
        return new RevisionLog<>(Topics.DATASETS, book::keyOf, book::apply, template, consumers, KAFKA_TIMEOUT);
    }

    @Bean
    DatasetWrites datasetWrites(DatasetBook book, RevisionLog<DatasetChanged> datasetLog, EventMetadataFactory metadata,
            FiguresProperties limits) {
        return new DatasetWrites(book, datasetLog, metadata, new DatasetRules(limits));
    }
}
