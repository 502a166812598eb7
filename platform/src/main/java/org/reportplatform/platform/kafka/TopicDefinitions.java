package org.reportplatform.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.reportplatform.schemas.Topic;
import org.reportplatform.schemas.Topics;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** Every topic of {@link org.reportplatform.schemas.Topics}, with its dead-letter topic, as Kafka admin requests. */
public final class TopicDefinitions {

    private TopicDefinitions() {
    }

    public static KafkaAdmin.NewTopics newTopics(KafkaTopicsProperties properties) {
        return new KafkaAdmin.NewTopics(all(properties).toArray(NewTopic[]::new));
    }

    public static List<NewTopic> all(KafkaTopicsProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?> topic : Topics.all()) {
            topics.add(define(topic.name(), topic.partitions(), topic.retention(), topic.maxMessageBytes(), properties));
            // Dead letters are kept forever: an operator decides what becomes of each.
            topics.add(define(topic.deadLetterTopic(), topic.partitions(), Topic.Retention.FOREVER, topic.maxMessageBytes(), properties));
        }
        return topics;
    }

    private static NewTopic define(String name, int partitions, Topic.Retention retention, int maxMessageBytes,
            KafkaTopicsProperties properties) {
        Map<String, String> configs = retention == Topic.Retention.COMPACTED
                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                : Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1");
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(properties.replicationFactor())
                .configs(configs)
                .config(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes))
                .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(properties.minInsyncReplicas()))
                .build();
    }
}
