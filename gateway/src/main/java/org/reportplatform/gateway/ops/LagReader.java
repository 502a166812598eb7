package org.reportplatform.gateway.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.reportplatform.gateway.ops.ConsumerLag.PartitionLag;

/**
 * Consumer lag as Kafka itself knows it, with an {@link Admin} client: every consumer group
 * ({@code listGroups}), its committed offsets ({@code listConsumerGroupOffsets}), and the end of
 * each partition for a read-committed reader ({@code listOffsets} latest, {@code READ_COMMITTED}:
 * every consumer here reads committed records only, so an open transaction is not lag). Plus this
 * gateway's own view, which has no group: its positions come from its reader.
 *
 * <p>Blocking (the admin client's futures, each bounded by the check timeout): call it off the
 * event loop.
 */
final class LagReader implements AutoCloseable {

    /** The name the dashboard gives this gateway's view of the rendered topics. */
    static final String GATEWAY_VIEW = "gateway-site-view";

    private final Admin admin;
    private final Duration timeout;

    LagReader(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * @param viewPositions  the gateway view's positions per partition (empty before its first read)
     * @param viewCaughtUp   whether the view finished its initial read
     */
    List<ConsumerLag> read(Map<TopicPartition, Long> viewPositions, boolean viewCaughtUp)
            throws ExecutionException, TimeoutException, InterruptedException {
        int timeoutMs = Math.toIntExact(timeout.toMillis());
        Collection<GroupListing> groups = get(admin.listGroups(ListGroupsOptions.forConsumerGroups().timeoutMs(timeoutMs)).all());

        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        groups.forEach(group -> specs.put(group.groupId(), new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = specs.isEmpty() ? Map.of()
                : get(admin.listConsumerGroupOffsets(specs, new ListConsumerGroupOffsetsOptions().timeoutMs(timeoutMs)).all());

        Set<TopicPartition> partitions = new HashSet<>(viewPositions.keySet());
        committed.values().forEach(offsets -> offsets.forEach((partition, offset) -> {
            if (offset != null) {
                partitions.add(partition);
            }
        }));
        Map<TopicPartition, Long> ends = ends(partitions, timeoutMs);

        List<ConsumerLag> lags = new ArrayList<>();
        for (GroupListing group : groups) {
            Map<TopicPartition, OffsetAndMetadata> offsets = committed.getOrDefault(group.groupId(), Map.of());
            Map<TopicPartition, Long> positions = new HashMap<>();
            offsets.forEach((partition, offset) -> {
                if (offset != null) {
                    positions.put(partition, offset.offset());
                }
            });
            String state = group.groupState().map(Enum::name).orElse("UNKNOWN");
            lags.add(lag(group.groupId(), "group", state, positions, ends));
        }
        lags.sort(Comparator.comparing(ConsumerLag::group));
        lags.add(lag(GATEWAY_VIEW, "gateway-view", viewCaughtUp ? "CAUGHT_UP" : "READING", viewPositions, ends));
        return lags;
    }

    private Map<TopicPartition, Long> ends(Set<TopicPartition> partitions, int timeoutMs)
            throws ExecutionException, TimeoutException, InterruptedException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> infos = get(admin.listOffsets(latest,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED).timeoutMs(timeoutMs)).all());
        Map<TopicPartition, Long> ends = new HashMap<>();
        infos.forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static ConsumerLag lag(String group, String kind, String state, Map<TopicPartition, Long> positions,
            Map<TopicPartition, Long> ends) {
        List<PartitionLag> partitions = new ArrayList<>();
        positions.forEach((partition, position) -> {
            long end = ends.getOrDefault(partition, position);
            partitions.add(new PartitionLag(partition.topic(), partition.partition(), position, end, Math.max(0, end - position)));
        });
        partitions.sort(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition));
        return new ConsumerLag(group, kind, state, partitions.stream().mapToLong(PartitionLag::lag).sum(), partitions);
    }

    private <T> T get(KafkaFuture<T> future) throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
