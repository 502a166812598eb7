package org.reportplatform.figures.datasets;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.reportplatform.platform.revisions.RevisionHistory;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.Topics;

/** Every dataset of every edition with its history, as replayed from report.datasets.v1. */
public class DatasetBook {

    private final RevisionHistory<DatasetChanged> history =
            new RevisionHistory<>(e -> Topics.sourceKey(e.getEdition(), e.getDatasetId()));

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

    String keyOf(DatasetChanged event) {
        return history.keyOf().apply(event);
    }
}
