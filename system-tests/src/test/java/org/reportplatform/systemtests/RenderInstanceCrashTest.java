package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.RunConfiguration;
import org.reportplatform.schemas.Topics;

/**
 * Two render service processes share the outputs ({@code REPORT_RENDER_SHARING_INSTANCE_ID} a and
 * b, docs/scaling.md). The one that renders an edited chapter's page is killed (SIGKILL: it leaves
 * no group, flushes nothing): once the ownership group notices (its session timeout, 6 s), the
 * other renders that page, and the edit made just after the kill is served.
 *
 * <p>A platform of its own: two render services is a configuration no shared platform has.
 */
class RenderInstanceCrashTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final String EDITION = "2093";
    private static final String INSTANCE_HEADER = "report-render-instance";

    private static Platform platform;
    private static ServiceProcess renderB;

    @BeforeAll
    static void startTwoRenderServices() {
        Path logs = RunConfiguration.root().resolve("system-tests/target/service-logs/" + System.currentTimeMillis());
        platform = Platform.start(kafka.bootstrapServers(), false, Platform.TEST_JVM, Map.of("REPORT_RENDER_SHARING_INSTANCE_ID", "a"),
                logs);
        Map<String, String> environment = new HashMap<>(Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "SPRING_PROFILES_ACTIVE", "demo", "REPORT_DEMO_LOAD", "false", "REPORT_RENDER_SHARING_INSTANCE_ID", "b"));
        Path jar = RunConfiguration.root().resolve("render-service/target/render-service-"
                + System.getProperty("platform.version", "0.1.0-SNAPSHOT") + "-exec.jar");
        renderB = new ServiceProcess("render-service-b", Ports.free(), jar, logs, environment,
                Platform.TEST_JVM.of("render-service"));
        renderB.start();
        await("render-service b ready").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).until(renderB::isReady);
    }

    @AfterAll
    static void stop() {
        if (renderB != null) {
            renderB.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theOtherInstanceRendersThePagesOfAKilledOne() {
        // Given chapters of an edition of their own, each page published by one of the two instances
        RawHttp gateway = new RawHttp(platform.gatewayUrl());
        ReportApi api = new ReportApi(gateway);
        List<String> slugs = List.of("partage-1", "partage-2", "partage-3", "partage-4", "partage-5", "partage-6");
        for (String slug : slugs) {
            assertThat(api.createChapter(EDITION, slug, "enfants", "Chapitre " + slug, "Première version de " + slug + ".").status())
                    .isEqualTo(201);
        }
        TopicLog topics = new TopicLog(kafka.bootstrapServers());
        Map<String, String> publisher = new HashMap<>();
        await("every chapter page published").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            publisher.clear();
            topics.records(Topics.PAGES.name()).stream().filter(r -> r.key().startsWith("/" + EDITION + "/"))
                    .forEach(r -> publisher.put(r.key(), r.headers().get(INSTANCE_HEADER)));
            return slugs.stream().allMatch(slug -> publisher.containsKey("/" + EDITION + "/" + slug));
        });
        String slug = slugs.get(0);
        String victim = publisher.get("/" + EDITION + "/" + slug);
        assertThat(victim).as("the instance that published /%s/%s", EDITION, slug).isIn("a", "b");
        String survivor = victim.equals("a") ? "b" : "a";

        // When the instance that renders that chapter's page is killed, and the chapter is edited at once
        (victim.equals("a") ? platform.service("render-service") : renderB).kill();
        long killedAt = System.nanoTime();
        long revision = ReportApi.revision(api.chapter(EDITION, slug));
        assertThat(api.updateChapter(EDITION, slug, "demo-enfants", revision, "Chapitre " + slug, "Seconde version, après la panne.")
                .status()).isEqualTo(200);

        // Then the page serves the edit, published by the other instance
        await("the edit served").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> gateway.get("/" + EDITION + "/" + slug).body().contains("Seconde version, après la panne."));
        long servedMillis = (System.nanoTime() - killedAt) / 1_000_000;
        List<TopicLog.Entry> page = topics.records(Topics.PAGES.name()).stream().filter(r -> r.key().equals("/" + EDITION + "/" + slug))
                .toList();
        assertThat(page.get(page.size() - 1).headers()).containsEntry(INSTANCE_HEADER, survivor);
        System.out.printf("[render-crash] the page of a chapter edited right after its render instance was killed was served %d ms after"
                + " the kill, published by the other instance%n", servedMillis);
    }
}
