package org.reportplatform.figures.indicators;

import org.reportplatform.platform.editions.EditionsFollower;
import org.reportplatform.figures.FiguresProperties;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.RevisionBeans;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration
@Import(IndicatorsConfiguration.Beans.class)
class IndicatorsConfiguration {

    /** indicatorReader, indicatorBook and indicatorLog. */
    static final class Beans extends RevisionBeans<IndicatorChanged, IndicatorState, Indicator, IndicatorBook> {
        Beans() {
            super(IndicatorBook.INDICATORS, IndicatorBook::new);
        }
    }

    @Bean
    IndicatorWrites indicatorWrites(IndicatorBook book, RevisionLog<IndicatorChanged> indicatorLog, EventMetadataFactory metadata,
            EditionsFollower editions) {
        return new IndicatorWrites(book, indicatorLog, metadata, editions);
    }

    @Bean
    IndicatorImport indicatorImport(IndicatorBook book, RevisionLog<IndicatorChanged> indicatorLog, EventMetadataFactory metadata,
            FiguresProperties limits, EditionsFollower editions) {
        return new IndicatorImport(book, indicatorLog, metadata, limits.maxImportRows(), editions);
    }
}
