package org.reportplatform.figures.datasets;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.reportplatform.platform.log.LogPosition;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.platform.revisions.RevisionHistory;
import org.reportplatform.platform.revisions.RevisionPage;
import org.reportplatform.platform.revisions.RevisionPaging;
import org.reportplatform.platform.revisions.Revisioned;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.DatasetState;
import org.reportplatform.schemas.Topics;

/**
 * Every dataset of every edition as it is now, and a summary of each of its revisions, as
 * replayed from report.datasets.v1. Older revisions are read back from the topic when asked for, so
 * memory grows by a small summary per revision, not by its content.
 */
public class DatasetBook {

    /** How a dataset's revisions are read from its events (key, revision, metadata, state). */
    public static final Revisioned<DatasetChanged, DatasetState> REVISIONS = new Revisioned<>(
            e -> Topics.sourceKey(e.getEdition(), e.getDatasetId()), DatasetChanged::getRevision,
            DatasetChanged::getMetadata, DatasetChanged::getDataset);

    private final RevisionHistory<DatasetChanged, DatasetState> history;

    public DatasetBook(RevisionReader<DatasetChanged> log) {
        this.history = REVISIONS.newHistory(log::read);
    }

    public void apply(DatasetChanged event, LogPosition position) {
        history.apply(event, position);
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

    /** The dataset's last revision (its deletion included); empty if it never existed. */
    public OptionalLong lastRevision(String edition, String id) {
        return history.lastRevision(Topics.sourceKey(edition, id));
    }

    /** One page of the dataset's revisions, oldest first (empty if it never existed). */
    public RevisionPage revisions(String edition, String id, RevisionPaging paging) {
        return history.page(Topics.sourceKey(edition, id), paging);
    }

    /** The event of one revision: the latest from memory, an older one read back from the topic. */
    public Optional<DatasetChanged> revision(String edition, String id, long revision) {
        return history.at(Topics.sourceKey(edition, id), revision);
    }

    String keyOf(DatasetChanged event) {
        return history.keyOf().apply(event);
    }
}
