package org.reportplatform.render.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.reportplatform.render.site.Causes;

/**
 * {@code report.render.edit.to.live{output=page|document}}: for each output published because of
 * live events, the time from the earliest causing change being accepted by its writer
 * ({@code EventMetadata.occurredAt}) to Kafka acknowledging the output. A histogram (Prometheus
 * buckets), so dashboards can show percentiles across instances. Start-up and full rebuilds are
 * not counted: their causes may be days old.
 */
public final class EditToLive {

    private final Clock clock;
    private final Timer pages;
    private final Timer documents;

    public EditToLive(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.pages = timer(meters, "page");
        this.documents = timer(meters, "document");
    }

    private static Timer timer(MeterRegistry meters, String output) {
        return Timer.builder("report.render.edit.to.live")
                .description("From the change accepted by its writer to the rebuilt output acknowledged by Kafka")
                .tag("output", output)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(meters);
    }

    public void page(Causes causes) {
        record(pages, causes);
    }

    public void document(Causes causes) {
        record(documents, causes);
    }

    private void record(Timer timer, Causes causes) {
        causes.earliest().ifPresent(changedAt -> {
            Duration latency = Duration.between(changedAt, clock.instant());
            // Clocks of two machines may disagree by a little: never a negative latency.
            timer.record(latency.isNegative() ? Duration.ZERO : latency);
        });
    }
}
