package org.reportplatform.figures.indicators;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.reportplatform.platform.revisions.RevisionHistory;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.Topics;

/** Every indicator of every edition with its history, as replayed from report.indicators.v1. */
public class IndicatorBook {

    private final RevisionHistory<IndicatorChanged> history =
            new RevisionHistory<>(e -> Topics.sourceKey(e.getEdition(), e.getIndicatorId()));

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

    String keyOf(IndicatorChanged event) {
        return history.keyOf().apply(event);
    }
}
