package org.reportplatform.figures.schedules;

import org.reportplatform.platform.editions.Edition;
import org.reportplatform.platform.editions.EditionsFollower;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.reportplatform.figures.indicators.Indicator;
import org.reportplatform.figures.indicators.IndicatorBook;
import org.reportplatform.figures.indicators.IndicatorWrites;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.log.Decision;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.JointDecision;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.revisions.Written;
import org.reportplatform.platform.scheduling.PublicationClock;
import org.reportplatform.platform.scheduling.PublicationTime;
import org.reportplatform.platform.scheduling.PublicationTimes;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorSchedule;
import org.reportplatform.schemas.IndicatorScheduleChanged;
import org.reportplatform.schemas.IndicatorScheduleClosed;
import org.reportplatform.schemas.IndicatorState;
import org.reportplatform.schemas.ScheduleOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides every change to scheduled values: schedule (or reschedule), cancel, and the
 * publication when the time comes.
 *
 * <p>A scheduled value is checked when it is scheduled exactly as the indicator's own PUT checks
 * it ({@link IndicatorWrites#nextRevisionDryRun}: the same fields, the same owner rules). At its
 * time it becomes the indicator's next revision and the schedule is closed in one Kafka
 * transaction over both topics, so a value is published once or not at all, whatever stops.
 */
public class ScheduleWrites {

    private static final Logger log = LoggerFactory.getLogger(ScheduleWrites.class);

    private final ScheduleBook schedules;
    private final RevisionLog<IndicatorScheduleChanged> scheduleLog;
    private final IndicatorBook indicators;
    private final RevisionLog<IndicatorChanged> indicatorLog;
    private final IndicatorWrites indicatorWrites;
    private final EventMetadataFactory metadata;
    private final PublicationClock clock;
    private final EditionsFollower editions;

    /** @param editions refuses schedules in a closed edition; a value falling due there fails with the reason */
    public ScheduleWrites(ScheduleBook schedules, RevisionLog<IndicatorScheduleChanged> scheduleLog, IndicatorBook indicators,
            RevisionLog<IndicatorChanged> indicatorLog, IndicatorWrites indicatorWrites, EventMetadataFactory metadata,
            PublicationClock clock, EditionsFollower editions) {
        this.editions = editions;
        this.schedules = schedules;
        this.scheduleLog = scheduleLog;
        this.indicators = indicators;
        this.indicatorLog = indicatorLog;
        this.indicatorWrites = indicatorWrites;
        this.metadata = metadata;
        this.clock = clock;
    }

    /**
     * Schedules a value of an existing indicator, or changes the pending schedule (201 when there
     * was none). If-Match is optional: when sent, it must be the pending schedule's revision.
     */
    public Written<ScheduledValue> schedule(String edition, String id, ScheduleRequest request, Preconditions preconditions,
            Caller caller) {
        IndicatorWrites.checkPath(edition, id);
        if (request == null) {
            throw ApiException.badRequest("body", "a JSON object with the indicator's fields, at and timeZone is required");
        }
        PublicationTime time = PublicationTimes.resolve(request.at(), request.timeZone(), clock.now());
        // The schedule log's lock, then (in the dry run) the indicator log's: the order in which
        // a publication's joint write takes them (by topic name), so the two never deadlock.
        return scheduleLog.write(() -> {
            IndicatorChanged next = indicatorWrites.nextRevisionDryRun(edition, id, request.indicator(), caller)
                    .orElseThrow(() -> ApiException.badRequest("value", "these are already the indicator's fields: nothing to"
                            + " schedule; change the value (or another field)"));
            Optional<ScheduledValue> pending = schedules.current(edition, id);
            OptionalLong pendingRevision = pending.map(s -> OptionalLong.of(s.revision())).orElse(OptionalLong.empty());
            if (preconditions.ifNoneMatch() != null) {
                preconditions.checkWrite(pendingRevision);
            } else {
                preconditions.checkIfPresent(pendingRevision);
            }
            IndicatorSchedule schedule = IndicatorSchedule.newBuilder().setIndicator(next.getIndicator())
                    .setBaseRevision(next.getRevision() - 1).setAt(time.at()).setLocalDateTime(time.localDateTime().toString())
                    .setTimeZone(time.zone().getId()).build();
            if (pending.isPresent() && schedule.equals(schedules.latest(edition, id).orElseThrow().getSchedule())) {
                return Decision.nothing(new Written<>(pending.get(), false));
            }
            IndicatorScheduleChanged event = IndicatorScheduleChanged.newBuilder().setMetadata(metadata.by(caller))
                    .setEdition(edition).setIndicatorId(id).setRevision(nextRevision(edition, id)).setSchedule(schedule).build();
            return Decision.publish(event, new Written<>(ScheduledValue.of(event), pending.isEmpty()));
        });
    }

    /** Cancels the pending schedule (whoever may edit the indicator); If-Match optional, checked when sent. */
    public void cancel(String edition, String id, Preconditions preconditions, Caller caller) {
        IndicatorWrites.checkPath(edition, id);
        scheduleLog.write(() -> {
            ScheduledValue pending = schedules.requireCurrent(edition, id);
            if (!caller.mayEdit(ownerOf(pending))) {
                throw ApiException.forbidden("indicator " + id + " belongs to team " + ownerOf(pending)
                        + "; only that team or an admin cancels its scheduled value");
            }
            editions.checkWritable(edition);
            preconditions.checkIfPresent(OptionalLong.of(pending.revision()));
            return Decision.publish(closing(edition, id, metadata.by(caller), ScheduleOutcome.CANCELLED, null, null), null);
        });
    }

    /** The pending schedule; readable by whoever may edit the indicator, reviewers and admins. */
    public ScheduledValue read(String edition, String id, Caller caller) {
        IndicatorWrites.checkPath(edition, id);
        ScheduledValue pending = schedules.requireCurrent(edition, id);
        if (!mayRead(pending, caller)) {
            throw ApiException.forbidden("the scheduled value of " + id + " is visible to team " + ownerOf(pending)
                    + ", reviewers and admins only until it is published");
        }
        return pending;
    }

    /** The pending schedules of an edition the caller may read, earliest first. */
    public List<ScheduledValue> pending(String edition, Caller caller) {
        IndicatorWrites.checkPath(edition, null);
        return schedules.list(edition).stream().filter(s -> mayRead(s, caller)).toList();
    }

    /**
     * Publishes the schedule of {@code key} ({@code edition/indicatorId}) if it is still pending
     * and due: the indicator's next revision with the scheduled fields and the schedule closed
     * PUBLISHED, in one transaction; or, if the indicator was deleted meanwhile, the schedule
     * closed FAILED. Both in the name of the person who scheduled it. Called by the scheduler's
     * thread; decided under both logs' locks, so a change or cancel racing with it is either
     * before (and seen here) or after (and finds the schedule closed).
     */
    void fire(String key) {
        int slash = key.indexOf('/');
        String edition = key.substring(0, slash);
        String id = key.substring(slash + 1);
        long started = System.nanoTime();
        String outcome = indicatorLog.writeWith(scheduleLog, () -> {
            Optional<IndicatorScheduleChanged> latest = schedules.latest(edition, id);
            if (latest.isEmpty() || latest.get().getSchedule() == null || latest.get().getSchedule().getAt().isAfter(clock.now())) {
                return JointDecision.nothing(null);
            }
            IndicatorSchedule due = latest.get().getSchedule();
            EventMetadata by = metadata.following(latest.get().getMetadata());
            if (editions.edition(edition).filter(Edition::isClosed).isPresent()) {
                String reason = "edition " + edition + " was closed before " + due.getLocalDateTime() + " " + due.getTimeZone()
                        + ": a closed edition's figures are not changed";
                return new JointDecision<>(List.of(), List.of(closing(edition, id, by, ScheduleOutcome.FAILED, null, reason)),
                        "failed: " + reason);
            }
            Optional<IndicatorChanged> indicator = indicators.latest(edition, id);
            if (indicator.isEmpty() || indicator.get().getIndicator() == null) {
                String reason = "indicator " + id + " was deleted before " + due.getLocalDateTime() + " " + due.getTimeZone()
                        + ": there was nothing to publish the value on";
                return new JointDecision<>(List.of(), List.of(closing(edition, id, by, ScheduleOutcome.FAILED, null, reason)),
                        "failed: " + reason);
            }
            IndicatorState scheduled = IndicatorState.newBuilder(due.getIndicator()).build();
            if (scheduled.equals(indicator.get().getIndicator())) {
                // Someone already wrote exactly this by hand: it is public, there is nothing to add.
                long current = indicator.get().getRevision();
                return new JointDecision<>(List.of(), List.of(closing(edition, id, by, ScheduleOutcome.PUBLISHED, current, null)),
                        "already public at revision " + current);
            }
            IndicatorChanged next = IndicatorChanged.newBuilder().setMetadata(by).setEdition(edition).setIndicatorId(id)
                    .setRevision(indicator.get().getRevision() + 1).setIndicator(scheduled).build();
            return new JointDecision<>(List.of(next),
                    List.of(closing(edition, id, by, ScheduleOutcome.PUBLISHED, next.getRevision(), null)),
                    "published as revision " + next.getRevision());
        });
        if (outcome != null) {
            log.info("scheduled value of indicator {}: {} ({} ms)", key, outcome, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The event that ends the pending schedule of an indicator. */
    private IndicatorScheduleChanged closing(String edition, String id, EventMetadata by, ScheduleOutcome outcome, Long indicatorRevision,
            String reason) {
        return IndicatorScheduleChanged.newBuilder().setMetadata(by).setEdition(edition).setIndicatorId(id)
                .setRevision(nextRevision(edition, id)).setSchedule(null)
                .setClosed(IndicatorScheduleClosed.newBuilder().setOutcome(outcome).setIndicatorRevision(indicatorRevision)
                        .setReason(reason).build())
                .build();
    }

    private long nextRevision(String edition, String id) {
        return schedules.lastRevision(edition, id).orElse(0L) + 1;
    }

    /** New metadata (id, time, trace) naming the person who scheduled the value, as the author of its publication. */
    private boolean mayRead(ScheduledValue pending, Caller caller) {
        return caller.mayEdit(ownerOf(pending)) || caller.has(Role.REVIEWER);
    }

    /** The team that owns the indicator now (the scheduled owner if it was deleted meanwhile). */
    private String ownerOf(ScheduledValue pending) {
        return indicators.current(pending.edition(), pending.indicatorId()).map(Indicator::ownerTeam)
                .orElse(pending.indicator().ownerTeam());
    }
}
