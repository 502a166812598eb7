package org.reportplatform.gateway.ops;

import java.time.Instant;
import java.util.List;
import org.reportplatform.gateway.live.LiveNotice;

/**
 * The body of {@code GET /api/ops/pipeline}: everything the dashboard shows that the gateway
 * itself knows or asks for (the dead letters and the rebuild progress come from the render
 * service through {@code /api/ops/**}).
 *
 * @param generatedAt when this answer was computed
 * @param services    the four services: state, readiness, version
 * @param kafka       whether the lag figures could be read, and why not
 * @param consumers   lag per consumer group and partition, and this gateway's own view
 * @param events      the latest change events of the source topics, newest first, with their latency
 *                    when this gateway saw an output they caused
 * @param rebuilds    this gateway's latest live notices (pages and documents it started serving), newest first
 * @param latency     edit-to-publish latency over the notices this gateway still holds
 */
public record Pipeline(Instant generatedAt, List<ServiceStatus> services, KafkaState kafka, List<ConsumerLag> consumers,
        List<SourceEvent> events, List<LiveNotice> rebuilds, LatencySummary latency) {

    /** @param error why the lag or the events could not be read (Kafka unreachable, a call timed out), or null */
    public record KafkaState(boolean available, String error) {
    }

    /**
     * @param notices   notices held (the live ring), published and removed
     * @param measured  notices that carry a latency
     * @param p50Ms     median edit-to-publish latency, or null without any measurement
     * @param p99Ms     99th percentile
     * @param maxMs     the slowest
     * @param lastId    the id of the newest notice ({@code <instance>.<sequence>}): the sequence counts
     *                  every notice since this gateway started
     */
    public record LatencySummary(int notices, int measured, Long p50Ms, Long p99Ms, Long maxMs, String lastId) {
    }
}
