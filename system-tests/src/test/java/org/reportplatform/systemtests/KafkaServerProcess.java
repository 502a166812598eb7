package org.reportplatform.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;
import org.reportplatform.platform.testing.RunConfiguration;

/**
 * Apache Kafka's own broker (single-node KRaft, broker and controller in one process) run as an
 * operating-system process, the way {@code ./run.sh} runs it: the server jars the build copies to
 * {@code system-tests/target/kafka-broker/lib}, {@code src/main/kafka/server.properties}, storage
 * formatted with Kafka's StorageTool, the JVM options and broker settings of {@code deploy/}. Unlike run.sh it listens on free ports and keeps its log
 * in a folder of its own, so tests never meet a developer's broker.
 *
 * <p>Being a process of its own, it can be stopped and started again under running services
 * (the same ports and log folder: the services' clients reconnect to it).
 */
final class KafkaServerProcess implements AutoCloseable {

    private static final Path ROOT = RunConfiguration.root();
    private static final Path LIB = ROOT.resolve("system-tests/target/kafka-broker/lib");
    private static final Path CONFIG_DIR = ROOT.resolve("system-tests/src/main/kafka");

    private final int port;
    private final Path config;
    private final Path log;
    private final List<String> java;
    private Process process;

    private KafkaServerProcess(int port, Path config, Path log, List<String> java) {
        this.port = port;
        this.config = config;
        this.log = log;
        this.java = java;
    }

    /** Formats a new log folder under {@code directory} and starts the broker; returns once it accepts connections. */
    static KafkaServerProcess start(Path directory) {
        if (!Files.isDirectory(LIB)) {
            throw new IllegalStateException("no Kafka server classpath at " + LIB + ": build system-tests (./mvnw verify) first");
        }
        try {
            Files.createDirectories(directory);
            int port = Ports.free();
            int controller = Ports.free();
            // as run.sh: the local node's settings, then those every broker of the project shares
            String properties = Files.readString(CONFIG_DIR.resolve("server.properties"))
                    .replace("localhost:9092", "localhost:" + port)
                    .replace("localhost:9093", "localhost:" + controller)
                    .replace("@LOG_DIRS@", directory.resolve("logs").toString())
                    + "\n" + Files.readString(RunConfiguration.brokerSettingsFile());
            Path config = directory.resolve("server.properties");
            Files.writeString(config, properties);
            String javaCommand = ProcessHandle.current().info().command().orElse("java");
            List<String> java = new ArrayList<>(List.of(javaCommand));
            java.addAll(RunConfiguration.jvmOptions(RunConfiguration.Role.BROKER));
            java.addAll(List.of("-Dlog4j2.configurationFile=" + CONFIG_DIR.resolve("log4j2.xml"), "-cp", LIB + "/*"));
            KafkaServerProcess broker = new KafkaServerProcess(port, config, directory.resolve("kafka.log"), java);
            broker.format();
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    Path log() {
        return log;
    }

    /** Starts the broker on its log folder (again) and waits until it accepts connections. */
    void start() {
        process = run(List.of("kafka.Kafka", config.toString()));
        await("Kafka accepting connections on " + bootstrapServers()).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + log);
                    }
                    return accepts();
                });
    }

    /** SIGTERM and waits for the broker to exit: a broker stopped by its operator. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The operating-system process id of the broker's JVM (its memory is measured by the benchmarks). */
    long pid() {
        return process.pid();
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    private void format() {
        Process format = run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", config.toString()));
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
            socket.connect(new InetSocketAddress("localhost", port), 500);
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
