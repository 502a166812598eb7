package org.reportplatform.figures.editions;

import java.time.Duration;
import org.reportplatform.figures.datasets.DatasetBook;
import org.reportplatform.figures.indicators.IndicatorBook;
import org.reportplatform.platform.editions.EditionsFollower;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.IndicatorChanged;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;

/** The editions as figures-service follows them: closed ones refuse changes; a new one copied from another gets its figures. */
@Configuration
class FiguresEditionsConfiguration {

    @Bean
    EditionCopies editionCopies(IndicatorBook indicators, DatasetBook datasets, RevisionLog<IndicatorChanged> indicatorLog,
            RevisionLog<DatasetChanged> datasetLog, EventMetadataFactory metadata) {
        return new EditionCopies(indicators, datasets, indicatorLog, datasetLog, metadata);
    }

    @Bean
    EditionsFollower editionsFollower(ConsumerFactory<String, Object> consumers, EditionCopies copies) {
        return new EditionsFollower(consumers, "figures-editions", copies::copyIfNew, Duration.ofSeconds(30));
    }
}
