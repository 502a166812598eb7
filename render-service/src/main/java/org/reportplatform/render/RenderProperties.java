package org.reportplatform.render;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the render service ({@code report.render.*}).
 *
 * @param quietWindow    how long the source topics must be quiet before dirty pages are rendered:
 *                       a burst of events is coalesced into one flush
 * @param maxDelay       the longest a dirty page waits while events keep coming (bounds the
 *                       coalescing under a steady stream)
 * @param sendTimeout    how long one flush waits for Kafka to acknowledge its pages
 * @param retryBackoff   pause before a flush whose publishing failed is tried again
 * @param startupTimeout how long the start-up replay may wait for Kafka before the service gives up
 * @param groupId        the consumer group of the source listener (its committed offsets are the
 *                       service's lag; they decide nothing about the state, which is replayed);
 *                       {@code <groupId>-<instance-id>} when instances share the outputs
 *                       ({@link org.reportplatform.render.sharing.SharingProperties})
 * @param documentWindow the report PDF is rendered at most once per window (a burst of changes,
 *                       however long, costs one render per window); also the longest a dirty PDF
 *                       waits under a steady stream of changes
 * @param documentQuietWindow how long the sources must be quiet before a dirty PDF is rendered
 *                       (coalescing a burst into one render and one publication)
 * @param documentNiceness the Linux nice value of the thread that renders documents (0 to 19;
 *                       0 leaves it as it is): it then uses the CPU that pages and the other
 *                       services leave, and never delays a page
 */
@ConfigurationProperties("report.render")
public record RenderProperties(
        @DefaultValue("15ms") Duration quietWindow,
        @DefaultValue("500ms") Duration maxDelay,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("2m") Duration startupTimeout,
        @DefaultValue("render-service") String groupId,
        @DefaultValue("1s") Duration documentWindow,
        @DefaultValue("250ms") Duration documentQuietWindow,
        @DefaultValue("19") int documentNiceness) {
}
