package org.reportplatform.figures.indicators;

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
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorState;
import org.reportplatform.schemas.Topics;

/**
 * Every indicator of every edition as it is now, and a summary of each of its revisions, as
 * replayed from report.indicators.v1. Older revisions are read back from the topic when asked for, so
 * memory grows by a small summary per revision, not by its content.
 */
public class IndicatorBook {

    /** How an indicator's revisions are read from its events (key, revision, metadata, state). */
    public static final Revisioned<IndicatorChanged, IndicatorState> REVISIONS = new Revisioned<>(
            e -> Topics.sourceKey(e.getEdition(), e.getIndicatorId()), IndicatorChanged::getRevision,
            IndicatorChanged::getMetadata, IndicatorChanged::getIndicator);

    private final RevisionHistory<IndicatorChanged, IndicatorState> history;

    public IndicatorBook(RevisionReader<IndicatorChanged> log) {
        this.history = REVISIONS.newHistory(log::read);
    }

    public void apply(IndicatorChanged event, LogPosition position) {
        history.apply(event, position);
    }

    public Optional<IndicatorChanged> latest(String edition, String id) {
        return history.latest(Topics.sourceKey(edition, id));
    }

    public Optional<Indicator> current(String edition, String id) {
        return latest(edition, id).filter(e -> e.getIndicator() != null).map(Indicator::of);
    }

    public List<Indicator> indicators(String edition) {
        return history.latestUnder(edition + "/").stream()
                .filter(e -> e.getIndicator() != null)
                .map(Indicator::of)
                .sorted(Comparator.comparing(Indicator::id))
                .toList();
    }

    /** The indicator's last revision (its deletion included); empty if it never existed. */
    public OptionalLong lastRevision(String edition, String id) {
        return history.lastRevision(Topics.sourceKey(edition, id));
    }

    /** One page of the indicator's revisions, oldest first (empty if it never existed). */
    public RevisionPage revisions(String edition, String id, RevisionPaging paging) {
        return history.page(Topics.sourceKey(edition, id), paging);
    }

    /** The event of one revision: the latest from memory, an older one read back from the topic. */
    public Optional<IndicatorChanged> revision(String edition, String id, long revision) {
        return history.at(Topics.sourceKey(edition, id), revision);
    }

    String keyOf(IndicatorChanged event) {
        return history.keyOf().apply(event);
    }
}
