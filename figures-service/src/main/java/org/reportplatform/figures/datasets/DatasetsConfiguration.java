package org.reportplatform.figures.datasets;

import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.figures.FiguresProperties;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration
class DatasetsConfiguration {

    @Bean
    DatasetBook datasetBook() {
        return new DatasetBook();
    }

    @Bean
    RevisionLog<DatasetChanged> datasetLog(DatasetBook book, KafkaTemplate<String, SpecificRecord> template,
            ConsumerFactory<String, Object> consumers) {
        return new RevisionLog<>(Topics.DATASETS, book::keyOf, book::apply, template, consumers, Duration.ofSeconds(5));
    }

    @Bean
    DatasetWrites datasetWrites(DatasetBook book, RevisionLog<DatasetChanged> datasetLog, EventMetadataFactory metadata,
            FiguresProperties limits) {
        return new DatasetWrites(book, datasetLog, metadata, new DatasetRules(limits));
    }
}
