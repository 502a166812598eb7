package org.reportplatform.platform.observability;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What operators see of a service ({@code report.observability.*}).
 *
 * @param kafkaHealthTimeout how long the Kafka health check waits for the cluster to answer
 * @param kafkaHealthCacheFor how long one check's answer is reused: probes every few seconds cost
 *                            one round trip to Kafka per period, not one each
 * @param consumerGroups      consumer groups whose lag this service reports
 *                            ({@code report.kafka.consumer.group.lag}); the render service lists its own
 * @param consumerLagRefresh  how often that lag is read from Kafka
 */
@ConfigurationProperties("report.observability")
public record ObservabilityProperties(
        @DefaultValue("2s") Duration kafkaHealthTimeout,
        @DefaultValue("5s") Duration kafkaHealthCacheFor,
        @DefaultValue({}) List<String> consumerGroups,
        @DefaultValue("5s") Duration consumerLagRefresh) {
}
