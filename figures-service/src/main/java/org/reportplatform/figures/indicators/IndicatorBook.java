package org.reportplatform.figures.indicators;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.reportplatform.platform.revisions.RevisionHistory;
import org.reportplatform.platform.revisions.Revisioned;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorState;
import org.reportplatform.schemas.Topics;

/** Every indicator of every edition with its history, as replayed from report.indicators.v1. */
public class IndicatorBook {

    /** How an indicator's revisions are read from its events (key, revision, metadata, state). */
    public static final Revisioned<IndicatorChanged, IndicatorState> REVISIONS = new Revisioned<>(
            e -> Topics.sourceKey(e.getEdition(), e.getIndicatorId()), IndicatorChanged::getRevision,
            IndicatorChanged::getMetadata, IndicatorChanged::getIndicator);

    private final RevisionHistory<IndicatorChanged> history = REVISIONS.newHistory();

    public void apply(IndicatorChanged event) {
        history.apply(event);
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

    /** Every revision of an indicator, deletions included, oldest first; empty if it never existed. */
    public List<IndicatorChanged> history(String edition, String id) {
        return history.history(Topics.sourceKey(edition, id));
    }

    String keyOf(IndicatorChanged event) {
        return history.keyOf().apply(event);
    }
}
