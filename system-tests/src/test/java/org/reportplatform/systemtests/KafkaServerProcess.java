package org.reportplatform.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;
import org.awaitility.core.ConditionTimeoutException;
import org.reportplatform.platform.testing.RunConfiguration;

/**
 * Apache Kafka's own server (KRaft, broker and controller in one process) run as an
 * operating-system process, the way {@code ./run.sh} runs it: the server jars the build copies to
 * {@code system-tests/target/kafka-broker/lib}, {@code src/main/kafka/server.properties}, storage
 * formatted with Kafka's StorageTool, the JVM options and broker settings of {@code deploy/}. Unlike run.sh it listens on free ports and keeps its log
 * in a folder of its own, so tests never meet a developer's broker.
 *
 * <p>Alone ({@link #start}) it is a single-node cluster; {@link KafkaCluster} makes nodes of one
 * cluster out of it. Being a process of its own, it can be stopped, or killed, and started again
 * under running services (the same ports and log folder: the services' clients reconnect to it).
 */
final class KafkaServerProcess implements AutoCloseable {

    private static final Path ROOT = RunConfiguration.root();
    private static final Path LIB = ROOT.resolve("system-tests/target/kafka-broker/lib");
    private static final Path CONFIG_DIR = ROOT.resolve("system-tests/src/main/kafka");

    /** One node of a cluster: its id, the port clients use and the port of its controller. */
    record Node(int id, int port, int controllerPort) {

        static Node onFreePorts(int id) {
            return new Node(id, Ports.free(), Ports.free());
        }

        /** The node as a voter of the controller quorum ({@code controller.quorum.voters}). */
        String voter() {
            return id + "@localhost:" + controllerPort;
        }
    }

    private final Node node;
    private final Path config;
    private final Path log;
    private final List<String> java;
    private Process process;

    private KafkaServerProcess(Node node, Path config, Path log, List<String> java) {
        this.node = node;
        this.config = config;
        this.log = log;
        this.java = java;
    }

    /** Formats a new log folder under {@code directory} and starts a single-node broker; returns once it accepts connections. */
    static KafkaServerProcess start(Path directory) {
        KafkaServerProcess broker = formatted(directory, Node.onFreePorts(1), Uuid.randomUuid().toString(), List.of());
        broker.start();
        return broker;
    }

    /**
     * Writes the node's configuration under {@code directory} and formats its log folder for
     * cluster {@code clusterId}, without starting it. The configuration is run.sh's: the local
     * node's settings on this node's ports, then {@code deploy/kafka-broker.properties}, then each
     * of {@code moreSettings} (a later line wins over an earlier one of the same name).
     */
    static KafkaServerProcess formatted(Path directory, Node node, String clusterId, List<String> moreSettings) {
        if (!Files.isDirectory(LIB)) {
            throw new IllegalStateException("no Kafka server classpath at " + LIB + ": build system-tests (./mvnw verify) first");
        }
        try {
            Files.createDirectories(directory);
            StringBuilder properties = new StringBuilder(Files.readString(CONFIG_DIR.resolve("server.properties"))
                    .replace("localhost:9092", "localhost:" + node.port())
                    .replace("localhost:9093", "localhost:" + node.controllerPort())
                    .replace("@LOG_DIRS@", directory.resolve("logs").toString()))
                    .append('\n').append(Files.readString(RunConfiguration.brokerSettingsFile()));
            moreSettings.forEach(settings -> properties.append('\n').append(settings).append('\n'));
            Path config = directory.resolve("server.properties");
            Files.writeString(config, properties);
            String javaCommand = ProcessHandle.current().info().command().orElse("java");
            List<String> java = new ArrayList<>(List.of(javaCommand));
            java.addAll(RunConfiguration.jvmOptions(RunConfiguration.Role.BROKER));
            java.addAll(List.of("-Dlog4j2.configurationFile=" + CONFIG_DIR.resolve("log4j2.xml"), "-cp", LIB + "/*"));
            KafkaServerProcess server = new KafkaServerProcess(node, config, directory.resolve("kafka.log"), java);
            server.format(clusterId);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String bootstrapServers() {
        return "localhost:" + node.port();
    }

    Node node() {
        return node;
    }

    Path log() {
        return log;
    }

    /** Starts the broker on its log folder (again) and waits until it accepts connections. */
    void start() {
        launch();
        awaitAcceptingConnections();
    }

    /** Starts the process and returns at once (the nodes of a cluster start together: a controller waits for its quorum). */
    void launch() {
        process = run(List.of("kafka.Kafka", config.toString()));
    }

    void awaitAcceptingConnections() {
        awaitAcceptingConnections(Duration.ofSeconds(60));
    }

    /**
     * Waits until the broker accepts connections, at most {@code timeout}. A KRaft broker opens its
     * port only once it has caught up with the cluster's metadata and been unfenced (after a kill,
     * also once it has recovered its log): that is what a restart's wait measures. On a timeout the
     * error carries the end of the node's log.
     */
    void awaitAcceptingConnections(Duration timeout) {
        try {
            await("Kafka accepting connections on " + bootstrapServers()).atMost(timeout)
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + log + "\n" + logTail());
                        }
                        return accepts();
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("Kafka node " + node.id() + " not accepting connections on " + bootstrapServers() + " after "
                    + timeout.toSeconds() + " s; the end of " + log + ":\n" + logTail(), e);
        }
    }

    /** The last lines of the node's log. */
    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** SIGTERM and waits for the broker to exit: a broker stopped by its operator. */
    void stop() {
        process.destroy();
        awaitExit(60);
    }

    /** SIGKILL: the broker gets no chance to hand over its leaderships or flush anything, as when its machine dies. */
    void kill() {
        process.destroyForcibly();
        awaitExit(10);
    }

    /** The operating-system process id of the broker's JVM (its memory is measured by the benchmarks). */
    long pid() {
        return process.pid();
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    private void awaitExit(int seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void format(String clusterId) {
        Process format = run(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config.toString()));
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka storage failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Process run(List<String> mainAndArguments) {
        List<String> command = new ArrayList<>(java);
        command.addAll(mainAndArguments);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", node.port()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (isRunning()) {
            stop();
        }
    }
}
