package org.reportplatform.platform.log;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How a {@link LogFollower} talks to Kafka.
 *
 * @param clientId           prefix of its consumers' client ids (each gets a number after it)
 * @param kafkaTimeout       bound on each call to Kafka (metadata, offsets, positions)
 * @param poll               how long one poll waits for records; it returns as soon as some arrive
 * @param readTimeout        bound on a whole bounded read (null: none)
 * @param retryPause         pause before a follower that failed reconnects
 * @param consumerProperties added to the consumer factory's settings (e.g. other deserializers)
 */
public record FollowerSettings(String clientId, Duration kafkaTimeout, Duration poll, Duration readTimeout,
        Duration retryPause, Map<String, Object> consumerProperties) {

    public FollowerSettings {
        consumerProperties = Map.copyOf(consumerProperties);
    }

    /** 10 s per call to Kafka, polls of 200 ms, no bound on a whole read, 1 s before reconnecting. */
    public static FollowerSettings named(String clientId) {
        return new FollowerSettings(clientId, Duration.ofSeconds(10), Duration.ofMillis(200), null, Duration.ofSeconds(1), Map.of());
    }

    public FollowerSettings withKafkaTimeout(Duration timeout) {
        return new FollowerSettings(clientId, timeout, poll, readTimeout, retryPause, consumerProperties);
    }

    public FollowerSettings withPoll(Duration duration) {
        return new FollowerSettings(clientId, kafkaTimeout, duration, readTimeout, retryPause, consumerProperties);
    }

    public FollowerSettings withReadTimeout(Duration timeout) {
        return new FollowerSettings(clientId, kafkaTimeout, poll, timeout, retryPause, consumerProperties);
    }

    public FollowerSettings withRetryPause(Duration pause) {
        return new FollowerSettings(clientId, kafkaTimeout, poll, readTimeout, pause, consumerProperties);
    }

    public FollowerSettings withConsumerProperty(String name, Object value) {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.put(name, value);
        return new FollowerSettings(clientId, kafkaTimeout, poll, readTimeout, retryPause, properties);
    }
}
