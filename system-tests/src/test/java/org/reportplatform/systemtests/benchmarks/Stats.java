package org.reportplatform.systemtests.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latency samples in milliseconds, in the order taken; percentiles by the nearest-rank method. */
public final class Stats {

    private final List<Double> samples = new ArrayList<>();

    public void add(double millis) {
        samples.add(millis);
    }

    public void addNanos(long nanos) {
        samples.add(nanos / 1e6);
    }

    public int count() {
        return samples.size();
    }

    public boolean isEmpty() {
        return samples.isEmpty();
    }

    public List<Double> samples() {
        return List.copyOf(samples);
    }

    public double percentile(double percent) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    public double p50() {
        return percentile(50);
    }

    public double p95() {
        return percentile(95);
    }

    public double p99() {
        return percentile(99);
    }

    public double max() {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    public double min() {
        return samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** The figures a report row shows. */
    public Summary summary() {
        return new Summary(count(), p50(), p95(), p99(), max());
    }

    public record Summary(int n, double p50, double p95, double p99, double max) {
    }
}
