package org.reportplatform.figures.schedules;

import java.time.Instant;
import org.reportplatform.figures.indicators.Indicator;
import org.reportplatform.platform.revisions.AtRevision;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.schemas.IndicatorSchedule;
import org.reportplatform.schemas.IndicatorScheduleChanged;
import org.reportplatform.schemas.IndicatorState;

/**
 * A value of an indicator waiting for its time, as the API shows it: the indicator as it will be
 * once published, the revision it was based on, when it goes public (the instant, and the local
 * date-time and zone as the person chose them), and who scheduled it.
 *
 * @param baseRevision the indicator's revision when the value was scheduled
 * @param revision     the schedule's own revision (its ETag), across successive schedules of the indicator
 */
public record ScheduledValue(
        String edition,
        String indicatorId,
        Value indicator,
        long baseRevision,
        Instant at,
        String localDateTime,
        String timeZone,
        long revision,
        Instant updatedAt,
        String updatedBy,
        String updatedByName) implements AtRevision {

    /** The indicator's fields as they will be published; {@code value} as the indicators API writes it (a number, a string for text). */
    public record Value(String label, String type, Object value, String currency, String unit, String period, String source,
            String ownerTeam) {

        static Value of(IndicatorState state) {
            return new Value(state.getLabel(), Indicator.typeOf(state), Indicator.valueOf(state), state.getCurrency(), state.getUnit(),
                    state.getPeriod(), state.getSource(), state.getOwnerTeam());
        }
    }

    /** The view of an event that holds a pending schedule. */
    static ScheduledValue of(IndicatorScheduleChanged event) {
        IndicatorSchedule s = event.getSchedule();
        return new ScheduledValue(event.getEdition(), event.getIndicatorId(), Value.of(s.getIndicator()), s.getBaseRevision(),
                s.getAt(), s.getLocalDateTime(), s.getTimeZone(), event.getRevision(), event.getMetadata().getOccurredAt(),
                event.getMetadata().getActor(), RevisionSummary.nameOf(event.getMetadata().getActor(), event.getMetadata().getActorName()));
    }
}
