package org.reportplatform.render.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The counters of what became of rendered outputs ({@code report.render.outputs}, by outcome), shared by the workers. */
record OutputOutcomes(Counter published, Counter unchanged, Counter deleted) {

    static OutputOutcomes of(MeterRegistry meters) {
        return new OutputOutcomes(outcome(meters, "published"), outcome(meters, "unchanged"), outcome(meters, "deleted"));
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("report.render.outputs")
                .description("Outputs rendered, by what became of them")
                .tag("outcome", outcome)
                .register(meters);
    }
}
