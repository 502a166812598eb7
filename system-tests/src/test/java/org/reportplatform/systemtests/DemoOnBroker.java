package org.reportplatform.systemtests;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Apache Kafka's broker as a process of its own and the four services on it with the demo report,
 * returned once the whole report is rendered (its PDF served): what the shared platforms of the
 * studio and of the drafts start. Closing stops the services, then the broker.
 */
record DemoOnBroker(KafkaServerProcess broker, Platform platform) implements AutoCloseable {

    /** Starts them, logging under {@code logs}, with {@code environment} added to every service's. */
    static DemoOnBroker start(Path logs, Map<String, String> environment) {
        KafkaServerProcess broker = KafkaServerProcess.start(logs.resolve("kafka"));
        Platform platform;
        try {
            platform = Platform.start(broker.bootstrapServers(), true, Platform.TEST_JVM, environment, logs);
        } catch (RuntimeException | Error e) {
            broker.close();
            throw e;
        }
        DemoOnBroker demo = new DemoOnBroker(broker, platform);
        try {
            Http gateway = new Http(platform.gatewayUrl());
            await("the demo report rendered").atMost(Duration.ofSeconds(90))
                    .until(() -> gateway.get("/2024/report.pdf").statusCode() == 200);
        } catch (RuntimeException | Error e) {
            demo.close();
            throw e;
        }
        return demo;
    }

    @Override
    public void close() {
        try {
            platform.close();
        } finally {
            broker.close();
        }
    }
}
