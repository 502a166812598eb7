package org.reportplatform.gateway.ops;

import java.util.List;

/**
 * How far one consumer is behind the end of the topics it reads.
 *
 * @param group      the consumer group id, or {@code gateway-site-view} for this gateway's own view
 *                   (partitions assigned, no group: its positions come from the reader itself)
 * @param kind       {@code group} (a Kafka consumer group) or {@code gateway-view}
 * @param state      the group's state ({@code STABLE}, {@code EMPTY}...), {@code READING} or
 *                   {@code CAUGHT_UP} for the gateway's view
 * @param lag        records not yet consumed, all partitions together
 * @param partitions per topic and partition
 */
public record ConsumerLag(String group, String kind, String state, long lag, List<PartitionLag> partitions) {

    /**
     * @param position where the consumer is: its committed offset (a group) or its position (the view)
     * @param end      the partition's end for a read-committed reader (the last stable offset)
     * @param lag      {@code end - position}, never below zero
     */
    public record PartitionLag(String topic, int partition, long position, long end, long lag) {
    }
}
