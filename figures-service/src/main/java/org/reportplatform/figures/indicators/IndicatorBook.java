package org.reportplatform.figures.indicators;

import java.util.Comparator;
import java.util.List;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.platform.revisions.ResourceFamily;
import org.reportplatform.platform.revisions.RevisionBook;
import org.reportplatform.platform.revisions.Revisioned;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorState;
import org.reportplatform.schemas.Topics;

/**
 * Every indicator of every edition as it is now, and a summary of each of its revisions, as
 * replayed from report.indicators.v1 (a {@link RevisionBook} of the indicators).
 */
public class IndicatorBook extends RevisionBook<IndicatorChanged, IndicatorState, Indicator> {

    /** What is specific to indicators: keyed {edition}/{indicatorId}, listed by id, no text diffed line by line. */
    public static final ResourceFamily<IndicatorChanged, IndicatorState, Indicator> INDICATORS = new ResourceFamily<>(
            "indicator", Topics.INDICATORS, new Revisioned<>(e -> Topics.sourceKey(e.getEdition(), e.getIndicatorId()),
                    IndicatorChanged::getRevision, IndicatorChanged::getMetadata, IndicatorChanged::getIndicator),
            Indicator::of, Comparator.comparing(Indicator::id), List.of());

    public IndicatorBook(RevisionReader<IndicatorChanged> log) {
        super(INDICATORS, log);
    }

    /** The indicators of an edition, by id. */
    public List<Indicator> indicators(String edition) {
        return list(edition);
    }
}
