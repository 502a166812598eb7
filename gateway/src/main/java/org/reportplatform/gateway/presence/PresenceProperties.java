package org.reportplatform.gateway.presence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who has a chapter open in the studio ({@code report.gateway.presence.*}).
 *
 * @param refresh      a person's "here" is written again at most this often per chapter (the
 *                     editor says it more often; the topic gets one record per refresh)
 * @param window       a person is listed this long after they were last seen (unless they left)
 * @param writeTimeout how long a "here" or "left" waits for Kafka before it fails
 * @param viewWait     how long a write then waits for this replica's view to hold it (so the next
 *                     request on this replica sees it); the write stands either way
 */
@ConfigurationProperties("report.gateway.presence")
public record PresenceProperties(
        @DefaultValue("10s") Duration refresh,
        @DefaultValue("30s") Duration window,
        @DefaultValue("5s") Duration writeTimeout,
        @DefaultValue("1s") Duration viewWait) {
}
