package org.reportplatform.figures.datasets;

import org.reportplatform.platform.editions.EditionsFollower;
import org.reportplatform.figures.FiguresProperties;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.RevisionBeans;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.DatasetState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration
@Import(DatasetsConfiguration.Beans.class)
class DatasetsConfiguration {

    /** datasetReader, datasetBook and datasetLog. */
    static final class Beans extends RevisionBeans<DatasetChanged, DatasetState, Dataset, DatasetBook> {
        Beans() {
            super(DatasetBook.DATASETS, DatasetBook::new);
        }
    }

    @Bean
    DatasetWrites datasetWrites(DatasetBook book, RevisionLog<DatasetChanged> datasetLog, EventMetadataFactory metadata,
            FiguresProperties limits, EditionsFollower editions) {
        return new DatasetWrites(book, datasetLog, metadata, new DatasetRules(limits), editions);
    }
}
