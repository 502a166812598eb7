package org.reportplatform.figures.datasets;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.reportplatform.platform.revisions.RevisionHistory;
import org.reportplatform.platform.revisions.Revisioned;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.DatasetState;
import org.reportplatform.schemas.Topics;

/** Every dataset of every edition with its history, as replayed from report.datasets.v1. */
public class DatasetBook {

    /** How a dataset's revisions are read from its events (key, revision, metadata, state). */
    public static final Revisioned<DatasetChanged, DatasetState> REVISIONS = new Revisioned<>(
            e -> Topics.sourceKey(e.getEdition(), e.getDatasetId()), DatasetChanged::getRevision,
            DatasetChanged::getMetadata, DatasetChanged::getDataset);

    private final RevisionHistory<DatasetChanged> history = REVISIONS.newHistory();

    public void apply(DatasetChanged event) {
        history.apply(event);
    }

    public Optional<DatasetChanged> latest(String edition, String id) {
        return history.latest(Topics.sourceKey(edition, id));
    }

    public Optional<Dataset> current(String edition, String id) {
        return latest(edition, id).filter(e -> e.getDataset() != null).map(Dataset::of);
    }

    public List<Dataset> datasets(String edition) {
        return history.latestUnder(edition + "/").stream()
                .filter(e -> e.getDataset() != null)
                .map(Dataset::of)
                .sorted(Comparator.comparing(Dataset::id))
                .toList();
    }

    /** Every revision of a dataset, deletions included, oldest first; empty if it never existed. */
    public List<DatasetChanged> history(String edition, String id) {
        return history.history(Topics.sourceKey(edition, id));
    }

    String keyOf(DatasetChanged event) {
        return history.keyOf().apply(event);
    }
}
