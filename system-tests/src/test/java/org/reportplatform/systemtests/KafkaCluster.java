package org.reportplatform.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.reportplatform.platform.testing.RunConfiguration;

/**
 * A Kafka cluster of three nodes, each a {@link KafkaServerProcess} (broker and controller in one
 * process, as run.sh --cluster runs them): one cluster id, a controller quorum of the three, free
 * ports and a log folder per node, and the cluster settings of {@code deploy/kafka-cluster.properties}
 * (every partition on three nodes, two in sync at least, Kafka's own topics too). Any node can be
 * killed and started again on its ports and log folder while services use the others.
 */
final class KafkaCluster implements AutoCloseable {

    static final int SIZE = 3;

    private final List<KafkaServerProcess> nodes;
    private final Admin admin;

    private KafkaCluster(List<KafkaServerProcess> nodes) {
        this.nodes = nodes;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** Formats and starts the three nodes under {@code directory}; returns once every broker is registered with the quorum. */
    static KafkaCluster start(Path directory) {
        List<KafkaServerProcess.Node> nodes = IntStream.rangeClosed(1, SIZE).mapToObj(KafkaServerProcess.Node::onFreePorts).toList();
        String quorum = "controller.quorum.voters=" + nodes.stream().map(KafkaServerProcess.Node::voter).collect(Collectors.joining(","));
        String cluster = read(RunConfiguration.clusterSettingsFile());
        String clusterId = Uuid.randomUuid().toString();
        List<KafkaServerProcess> servers = nodes.stream().map(n -> KafkaServerProcess.formatted(directory.resolve("node-" + n.id()), n,
                clusterId, List.of(cluster, quorum + "\nnode.id=" + n.id()))).toList();
        KafkaCluster started = new KafkaCluster(servers);
        try {
            // Together: a node's controller waits for a majority of the quorum before its broker can start.
            servers.forEach(KafkaServerProcess::launch);
            servers.forEach(KafkaServerProcess::awaitAcceptingConnections);
            await("all " + SIZE + " brokers registered").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> started.liveBrokers().size() == SIZE);
        } catch (RuntimeException | Error e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** Every node's address, as the services get them: a client reaches the cluster through any node that is up. */
    String bootstrapServers() {
        return nodes.stream().map(KafkaServerProcess::bootstrapServers).collect(Collectors.joining(","));
    }

    /**
     * The services' environment for this cluster: their topics with the cluster's replication
     * factor and minimum of in-sync replicas (KafkaTopicsProperties), as run.sh --cluster sets them.
     */
    static Map<String, String> serviceEnvironment() {
        Map<String, String> settings = RunConfiguration.clusterSettings();
        return Map.of("REPORT_KAFKA_REPLICATION_FACTOR", settings.get("default.replication.factor"),
                "REPORT_KAFKA_MIN_INSYNC_REPLICAS", settings.get("min.insync.replicas"));
    }

    /** The node of that id (1 to 3). */
    KafkaServerProcess node(int id) {
        return nodes.get(id - 1);
    }

    /** The id of the node leading that partition now, as the cluster's metadata says. */
    int leaderOf(String topic, int partition) {
        TopicPartitionInfo info = describe(topic).partitions().get(partition);
        if (info.leader() == null) {
            throw new IllegalStateException(topic + "-" + partition + " has no leader");
        }
        return info.leader().id();
    }

    /** The ids of that partition's in-sync replicas now. */
    List<Integer> inSyncReplicas(String topic, int partition) {
        return describe(topic).partitions().get(partition).isr().stream().map(Node::id).sorted().toList();
    }

    /** The ids of the brokers the controller holds as alive (a killed node drops out once its session expired). */
    List<Integer> liveBrokers() {
        try {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream().map(Node::id).sorted().toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the cluster did not describe itself", e);
        }
    }

    private TopicDescription describe(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the cluster did not describe " + topic, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The node whose controller is the quorum's active one (it fences brokers that stop heartbeating). */
    int activeController() {
        try {
            return admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the cluster did not describe its quorum", e);
        }
    }

    /** The node coordinating the transactions of that transactional id (a writer's {@code <prefix>0}). */
    int transactionCoordinatorOf(String transactionalId) {
        try {
            return admin.describeTransactions(List.of(transactionalId)).description(transactionalId).get(10, TimeUnit.SECONDS)
                    .coordinatorId();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the cluster did not describe transactional id " + transactionalId, e);
        }
    }

    /** Kills every node: a test's cluster is thrown away, there is nothing to hand over (and a last node alone could not shut down cleanly without its quorum). */
    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
        nodes.stream().filter(KafkaServerProcess::isRunning).forEach(KafkaServerProcess::kill);
    }
}
