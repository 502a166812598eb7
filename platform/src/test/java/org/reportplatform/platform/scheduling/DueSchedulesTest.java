package org.reportplatform.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What falls due is fired once the clock reaches it, earliest first; a failed publication is tried again. */
class DueSchedulesTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-06-26T06:00:00Z"));
    private final List<String> fired = new ArrayList<>();
    private final List<String> failing = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DueSchedules schedules = new DueSchedules("chapter", now::get, Duration.ofMillis(200), key -> {
        if (failing.contains(key)) {
            throw new IllegalStateException("Kafka is down");
        }
        fired.add(key);
        // A published schedule is closed in the log, which cancels it here (the writer's book does this).
        schedulesRef().cancel(key);
    }, meters);

    private DueSchedules schedulesRef() {
        return schedules;
    }

    @Test
    void nothingFiresBeforeItsTimeAndEverythingDueFiresEarliestFirst() {
        // Given three publications, at 09:00, 09:00:30 and 10:00 in Geneva
        schedules.plan("2024/femmes", Instant.parse("2025-06-26T07:00:30Z"));
        schedules.plan("2024/enfants", Instant.parse("2025-06-26T07:00:00Z"));
        schedules.plan("2024/migrants", Instant.parse("2025-06-26T08:00:00Z"));

        // When the scheduler looks one second before the first
        now.set(Instant.parse("2025-06-26T06:59:59Z"));
        schedules.check();

        // Then nothing is published, and it says how far it looked
        assertThat(fired).isEmpty();
        assertThat(schedules.checkedUntil()).isEqualTo(now.get());

        // When it looks after the first two are due
        now.set(Instant.parse("2025-06-26T07:01:00Z"));
        schedules.check();
        schedules.check();

        // Then those two were published once each, earliest first, and the third waits
        assertThat(fired).containsExactly("2024/enfants", "2024/femmes");
        assertThat(meters.get("report.scheduling.pending").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("report.scheduling.fired").counter().count()).isEqualTo(2.0);
    }

    @Test
    void aCancelledOrMovedScheduleDoesNotFireAtItsOldTime() {
        schedules.plan("2024/enfants", Instant.parse("2025-06-26T07:00:00Z"));
        schedules.plan("2024/femmes", Instant.parse("2025-06-26T07:00:00Z"));
        schedules.cancel("2024/enfants");
        schedules.plan("2024/femmes", Instant.parse("2025-06-27T07:00:00Z"));
        // what a book does with each event: a time plans, no time (closed, unscheduled) cancels
        schedules.track("2024/migrants", Instant.parse("2025-06-26T07:00:00Z"));
        schedules.track("2024/migrants", null);

        now.set(Instant.parse("2025-06-26T07:00:00Z"));
        schedules.check();

        assertThat(fired).isEmpty();
        now.set(Instant.parse("2025-06-27T07:00:00Z"));
        schedules.check();
        assertThat(fired).containsExactly("2024/femmes");
    }

    @Test
    void aPublicationThatFailsIsTriedAgainAtTheNextLookWithoutHoldingUpTheOthers() {
        schedules.plan("2024/enfants", Instant.parse("2025-06-26T07:00:00Z"));
        schedules.plan("2024/femmes", Instant.parse("2025-06-26T07:00:01Z"));
        failing.add("2024/enfants");
        now.set(Instant.parse("2025-06-26T07:00:05Z"));

        schedules.check();

        assertThat(fired).containsExactly("2024/femmes");
        assertThat(meters.get("report.scheduling.failures").counter().count()).isEqualTo(1.0);

        failing.clear();
        schedules.check();
        assertThat(fired).containsExactly("2024/femmes", "2024/enfants");
    }
}
