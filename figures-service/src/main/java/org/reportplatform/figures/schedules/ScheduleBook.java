package org.reportplatform.figures.schedules;

import java.util.Comparator;
import java.util.List;
import org.reportplatform.platform.log.LogPosition;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.platform.revisions.ResourceFamily;
import org.reportplatform.platform.revisions.RevisionBook;
import org.reportplatform.platform.revisions.Revisioned;
import org.reportplatform.platform.scheduling.DueSchedules;
import org.reportplatform.schemas.IndicatorSchedule;
import org.reportplatform.schemas.IndicatorScheduleChanged;
import org.reportplatform.schemas.Topics;

/**
 * The pending scheduled values of every edition, and the history of each indicator's schedules,
 * as replayed from report.indicator-schedules.v1. A schedule is "current" while it waits: the
 * event that closes it (published, cancelled, failed) has no schedule, like a deletion.
 *
 * <p>As it applies each event (the replay at start included) it tells the {@link DueSchedules}
 * of kind {@code indicator} what is due when, so the scheduler's index is always the log's view.
 */
public class ScheduleBook extends RevisionBook<IndicatorScheduleChanged, IndicatorSchedule, ScheduledValue> {

    /** What is specific to scheduled values: keyed {edition}/{indicatorId}, listed by time then id. */
    public static final ResourceFamily<IndicatorScheduleChanged, IndicatorSchedule, ScheduledValue> SCHEDULES = new ResourceFamily<>(
            "schedule", Topics.INDICATOR_SCHEDULES,
            new Revisioned<>(e -> Topics.sourceKey(e.getEdition(), e.getIndicatorId()), IndicatorScheduleChanged::getRevision,
                    IndicatorScheduleChanged::getMetadata, IndicatorScheduleChanged::getSchedule),
            ScheduledValue::of, Comparator.comparing(ScheduledValue::at).thenComparing(ScheduledValue::indicatorId), List.of());

    private volatile DueSchedules due;

    public ScheduleBook(RevisionReader<IndicatorScheduleChanged> log) {
        super(SCHEDULES, log);
    }

    /**
     * From now on, plans and cancels each indicator's publication in {@code scheduler} as events
     * are applied; the schedules already applied are planned at once (in practice none: the bean
     * is made before the log replays, at its lifecycle start).
     */
    synchronized void planIn(DueSchedules scheduler) {
        this.due = scheduler;
        list(null).forEach(pending -> scheduler.plan(Topics.sourceKey(pending.edition(), pending.indicatorId()), pending.at()));
    }

    @Override
    public void apply(IndicatorScheduleChanged event, LogPosition position) {
        super.apply(event, position);
        DueSchedules scheduler = due;
        if (scheduler == null) {
            return;
        }
        scheduler.track(keyOf(event), event.getSchedule() == null ? null : event.getSchedule().getAt());
    }
}
