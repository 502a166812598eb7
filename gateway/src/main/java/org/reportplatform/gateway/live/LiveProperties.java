package org.reportplatform.gateway.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live stream ({@code /api/live}, {@code /api/live/page}).
 *
 * @param ringSize         recent notices kept in memory for resumption ({@code Last-Event-ID}); a
 *                         client that missed more than this gets a {@code reset}
 * @param heartbeat        how often an idle stream gets a comment line, so proxies keep it open
 * @param maxSubscribers   open streams at most (both endpoints together); beyond, 503
 * @param subscriberBuffer notices a slow client may fall behind by before its stream is closed (it
 *                         reconnects with {@code Last-Event-ID} and resumes from the ring)
 */
@ConfigurationProperties("report.gateway.live")
public record LiveProperties(
        @DefaultValue("1000") int ringSize,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("1000") int maxSubscribers,
        @DefaultValue("256") int subscriberBuffer) {

    public LiveProperties {
        if (ringSize < 1 || maxSubscribers < 1 || subscriberBuffer < 1) {
            throw new IllegalArgumentException("report.gateway.live: ring-size, max-subscribers and subscriber-buffer must be at least 1");
        }
        if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("report.gateway.live.heartbeat must be positive, got " + heartbeat);
        }
    }
}
