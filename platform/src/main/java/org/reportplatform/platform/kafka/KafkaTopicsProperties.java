package org.reportplatform.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform's topics are created: one replica locally, three (with two in sync) in
 * production, where {@code REPORT_KAFKA_REPLICATION_FACTOR=3} and {@code REPORT_KAFKA_MIN_INSYNC_REPLICAS=2}.
 */
@ConfigurationProperties("report.kafka")
public record KafkaTopicsProperties(@DefaultValue("1") short replicationFactor, @DefaultValue("1") int minInsyncReplicas) {
}
