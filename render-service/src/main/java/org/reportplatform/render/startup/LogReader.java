package org.reportplatform.render.startup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads whole topics, from the beginning to the end they had when the read began (the last
 * stable offset: committed records only), with a consumer of its own that joins no group and
 * commits nothing. This is how the render service rebuilds its view without relying on any
 * committed offset.
 */
public class LogReader {

    private final ConsumerFactory<String, Object> consumers;
    private final Duration timeout;
    private final Duration readTimeout;

    /**
     * @param timeout     bound on each call to Kafka (metadata, offsets)
     * @param readTimeout bound on a whole read
     */
    public LogReader(ConsumerFactory<String, Object> consumers, Duration timeout, Duration readTimeout) {
        this.consumers = consumers;
        this.timeout = timeout;
        this.readTimeout = readTimeout;
    }

    /** Hands every record of the topics to {@code handler}, in offset order per partition; returns how many. */
    public long readToEnd(Collection<String> topics, String purpose, Consumer<ConsumerRecord<String, Object>> handler) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long deadline = System.nanoTime() + readTimeout.toNanos();
        try (var consumer = consumers.createConsumer(null, null, "-" + purpose, overrides)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
                if (infos == null || infos.isEmpty()) {
                    throw new TimeoutException("topic " + topic + " does not exist (yet)");
                }
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, timeout));
            long count = 0;
            while (true) {
                end.entrySet().removeIf(e -> consumer.position(e.getKey(), timeout) >= e.getValue());
                if (end.isEmpty()) {
                    return count;
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("reading " + topics + " to their end took longer than " + readTimeout);
                }
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    handler.accept(record);
                    count++;
                }
            }
        }
    }
}
