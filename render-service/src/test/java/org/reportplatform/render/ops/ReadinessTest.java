package org.reportplatform.render.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.render.RenderProperties;
import org.reportplatform.render.RenderServiceApplication;
import org.reportplatform.platform.log.LogFollower;
import org.reportplatform.platform.log.LogRead;
import org.reportplatform.render.startup.StartupSequence;
import org.reportplatform.schemas.Topics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readiness means something: the render service is not ready while it replays its topics, is
 * ready once done, and is not ready when Kafka cannot be reached; liveness stays up throughout
 * (restarting the service would not bring Kafka back). The service runs as it does in
 * production (its own SpringApplication, a real broker); only the replay is held back by the test
 * until it has looked at the probes.
 */
class ReadinessTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    /** Holds the start-up replay of the source topics until the test releases it. */
    static final CountDownLatch replayMayGo = new CountDownLatch(1);

    private final HttpClient http = HttpClient.newHttpClient();
    private ConfigurableApplicationContext service;

    @Configuration(proxyBeanMethods = false)
    static class HeldReplay {
        /** Replaces the render service's own {@code sourceLog} (bean overriding is on for this test). */
        @Bean
        LogFollower<String, Object> sourceLog(ConsumerFactory<String, Object> consumers, RenderProperties properties) {
            return new LogFollower<>(consumers, List.of(Topics.CHAPTERS.name(), Topics.INDICATORS.name(), Topics.DATASETS.name()),
                    StartupSequence.readSettings("replay", properties)) {
                @Override
                public LogRead readToEnd(Consumer<ConsumerRecord<String, Object>> handler) {
                    try {
                        replayMayGo.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return super.readToEnd(handler);
                }
            };
        }
    }

    @AfterEach
    void stopService() {
        replayMayGo.countDown();
        if (service != null) {
            service.close();
        }
    }

    @Test
    void readiness_is_down_while_replaying_up_once_done_and_down_again_when_kafka_is_unreachable() throws Exception {
        // Given the render service starting against a real broker, its replay held back
        CompletableFuture<Integer> port = new CompletableFuture<>();
        CompletableFuture<ConfigurableApplicationContext> started = CompletableFuture.supplyAsync(() -> new SpringApplicationBuilder(
                RenderServiceApplication.class, HeldReplay.class)
                .listeners((WebServerInitializedEvent event) -> port.complete(event.getWebServer().getPort()))
                // Command-line arguments: they outrank application.yml (server.port 8083), where
                // builder properties are only defaults and a running ./run.sh's port would clash.
                .run("--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--spring.main.allow-bean-definition-overriding=true",
                        "--report.observability.kafka-health-cache-for=200ms", "--report.observability.kafka-health-timeout=1s",
                        "--report.render.startup-timeout=30s"));
        String base = "http://localhost:" + port.get(60, TimeUnit.SECONDS);

        // Then, while it replays, it is alive but not ready (and Kafka itself is fine)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(base + "/actuator/health/liveness").statusCode()).isEqualTo(200));
        HttpResponse<String> replaying = get(base + "/actuator/health/readiness");
        assertThat(replaying.statusCode()).isEqualTo(503);
        assertThat(status(replaying, "readinessState")).isEqualTo("OUT_OF_SERVICE");
        assertThat(status(replaying, "kafka")).isEqualTo("UP");
        assertThat(started).isNotDone();

        // When the replay may go on
        replayMayGo.countDown();
        service = started.get(60, TimeUnit.SECONDS);

        // Then it becomes ready
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> ready = get(base + "/actuator/health/readiness");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(status(ready, "readinessState")).isEqualTo("UP");
            assertThat(status(ready, "kafka")).isEqualTo("UP");
            assertThat(ready.body()).contains("\"clusterId\"");
        });

        // When Kafka goes away
        kafka.stop();

        // Then it is not ready, says why, and stays alive
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> unready = get(base + "/actuator/health/readiness");
            assertThat(unready.statusCode()).isEqualTo(503);
            assertThat(status(unready, "kafka")).isEqualTo("DOWN");
            assertThat(status(unready, "readinessState")).isEqualTo("UP");
            assertThat(unready.body()).contains("\"error\"");
        });
        HttpResponse<String> liveness = get(base + "/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).doesNotContain("kafka");
    }

    /** The status of one component of a health group, e.g. {@code kafka}. */
    private static String status(HttpResponse<String> health, String component) {
        return JsonMapper.builder().build().readTree(health.body()).path("components").path(component).path("status").toString()
                .replace("\"", "");
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
