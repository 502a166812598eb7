package org.reportplatform.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for one test class: a Testcontainers Kafka container where a Docker engine
 * is reachable, otherwise Kafka's own KRaft broker inside the test JVM. Same tests either way.
 *
 * <pre>
 * &#64;RegisterExtension static final KafkaBroker kafka = new KafkaBroker();
 *
 * &#64;DynamicPropertySource
 * static void kafka(DynamicPropertyRegistry registry) { kafka.register(registry); }
 * </pre>
 */
public class KafkaBroker implements BeforeAllCallback {

    private static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    private Runtime runtime;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
        // Stopped when the test class's context closes, after every afterAll callback: a Spring
        // context closed by @DirtiesContext still finds its broker and shuts down quietly.
        context.getStore(ExtensionContext.Namespace.create(KafkaBroker.class, this))
                .put("broker", (AutoCloseable) this::stop);
    }

    /** Starts the broker outside JUnit Jupiter (a jqwik property's container); {@link #stop()} stops it. */
    public void start() {
        runtime = dockerAvailable() ? new ContainerRuntime() : new EmbeddedRuntime();
        runtime.start();
    }

    /** Stops the broker now (a test of what services do when Kafka goes away); stopping twice is harmless. */
    public void stop() {
        if (runtime != null) {
            runtime.stop();
            runtime = null;
        }
    }

    public String bootstrapServers() {
        if (runtime == null) {
            throw new IllegalStateException("the broker is not running: register KafkaBroker with @RegisterExtension on a static field");
        }
        return runtime.bootstrapServers();
    }

    /** Points a Spring Boot test's Kafka clients at this broker. */
    public void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", this::bootstrapServers);
    }

    private static boolean dockerAvailable() {
        // Asking Testcontainers on a machine without any Docker endpoint only logs a long error.
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private interface Runtime {
        void start();

        void stop();

        String bootstrapServers();
    }

    private static final class ContainerRuntime implements Runtime {
        private final KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);

        @Override
        public void start() {
            // The image's way of taking a setting: KAFKA_ and the name in capitals, '.' as '_' ('_' doubled).
            RunConfiguration.brokerSettings().forEach((name, value) -> container.withEnv(
                    "KAFKA_" + name.replace("_", "__").replace("-", "___").replace('.', '_').toUpperCase(Locale.ROOT), value));
            container.start();
        }

        @Override
        public void stop() {
            container.stop();
        }

        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }
    }

    private static final class EmbeddedRuntime implements Runtime {
        private final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);

        @Override
        public void start() {
            // The project's broker settings (one node: every internal topic fits on it).
            Map<String, String> settings = new HashMap<>(RunConfiguration.brokerSettings());
            // One partition each instead of 4: a test class's first transaction and first
            // consumer group wait for fewer partitions to be created.
            settings.put("transaction.state.log.num.partitions", "1");
            settings.put("offsets.topic.num.partitions", "1");
            broker.brokerProperties(settings);
            broker.afterPropertiesSet();
        }

        @Override
        public void stop() {
            broker.destroy();
        }

        @Override
        public String bootstrapServers() {
            return broker.getBrokersAsString();
        }
    }
}
