package org.reportplatform.figures.datasets;

import java.util.Comparator;
import java.util.List;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.platform.revisions.ResourceFamily;
import org.reportplatform.platform.revisions.RevisionBook;
import org.reportplatform.platform.revisions.Revisioned;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.DatasetState;
import org.reportplatform.schemas.Topics;

/**
 * Every dataset of every edition as it is now, and a summary of each of its revisions, as
 * replayed from report.datasets.v1 (a {@link RevisionBook} of the datasets).
 */
public class DatasetBook extends RevisionBook<DatasetChanged, DatasetState, Dataset> {

    /** What is specific to datasets: keyed {edition}/{datasetId}, listed by id, no text diffed line by line. */
    public static final ResourceFamily<DatasetChanged, DatasetState, Dataset> DATASETS = new ResourceFamily<>(
            "dataset", Topics.DATASETS, new Revisioned<>(e -> Topics.sourceKey(e.getEdition(), e.getDatasetId()),
                    DatasetChanged::getRevision, DatasetChanged::getMetadata, DatasetChanged::getDataset),
            Dataset::of, Comparator.comparing(Dataset::id), List.of());

    public DatasetBook(RevisionReader<DatasetChanged> log) {
        super(DATASETS, log);
    }

    /** The datasets of an edition, by id. */
    public List<Dataset> datasets(String edition) {
        return list(edition);
    }
}
