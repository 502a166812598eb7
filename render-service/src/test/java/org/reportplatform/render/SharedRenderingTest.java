package org.reportplatform.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.render.publishing.OutputPublisher;
import org.reportplatform.render.sharing.OutputOwnership;
import org.reportplatform.schemas.AvroDeserializer;
import org.reportplatform.schemas.EditionStatus;
import org.reportplatform.schemas.IndicatorType;
import org.reportplatform.schemas.Topics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two render service instances share the outputs ({@code report.render.sharing.instance-id}): each
 * renders and publishes only the outputs of the ownership partitions Kafka assigned it, and when one
 * stops in the middle of a burst of edits the other takes its outputs over. Whatever moved, the
 * topics end with the render from scratch of the final state, and every output was published by
 * one instance at a time: its owner, then the one that took it over.
 */
class SharedRenderingTest {

    private static final String EDITION = "sh1";
    private static final int CHAPTERS = 8;
    private static final int FIGURES = 3;

    private static KafkaBroker kafka;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static SourceTopics sources;
    private static TopicWatcher<SpecificRecord> pages;
    private static TopicWatcher<SpecificRecord> documents;

    @BeforeAll
    static void start() {
        kafka = new KafkaBroker();
        kafka.start();
        a = instance("a");
        b = instance("b");
        sources = new SourceTopics(kafka.bootstrapServers());
        pages = new TopicWatcher<>(kafka.bootstrapServers(), Topics.PAGES.name(), new AvroDeserializer());
        documents = new TopicWatcher<>(kafka.bootstrapServers(), Topics.DOCUMENTS.name(), new AvroDeserializer());
    }

    private static ConfigurableApplicationContext instance(String id) {
        return new SpringApplicationBuilder(RenderServiceApplication.class)
                .run("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--server.port=0",
                        "--report.render.sharing.instance-id=" + id, "--report.render.quiet-window=10ms",
                        "--report.render.document-window=300ms", "--report.render.document-quiet-window=100ms",
                        "--spring.main.banner-mode=off");
    }

    @AfterAll
    static void stop() {
        if (sources != null) {
            sources.close();
            pages.close();
            documents.close();
        }
        for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {a, b}) {
            if (app != null) {
                app.close();
            }
        }
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    void the_instances_share_the_outputs_and_one_takes_over_what_the_other_rendered_when_it_stops() {
        // Given two instances that have shared the ownership partitions between them
        await().atMost(Duration.ofSeconds(60)).until(() -> owned(a).size() + owned(b).size() == Topics.RENDER_OWNERSHIP.partitions()
                && !owned(a).isEmpty() && !owned(b).isEmpty());
        Set<Integer> ownedByA = owned(a);
        Set<Integer> ownedByB = owned(b);
        assertThat(ownedByA).doesNotContainAnyElementsOf(ownedByB);

        // And an edition whose outputs each has published its share of
        List<SpecificRecord> sent = new ArrayList<>();
        sent.add(sources.edition(EDITION, 1, EditionStatus.PUBLISHED, List.of("en"), false));
        long[] revisions = new long[CHAPTERS];
        long[] figureRevisions = new long[FIGURES];
        sources.burst(() -> {
            for (int f = 0; f < FIGURES; f++) {
                sent.add(sources.indicator(EDITION, "f" + f, ++figureRevisions[f], IndicatorType.INTEGER, "10" + f, "cas"));
            }
            for (int c = 0; c < CHAPTERS; c++) {
                sent.add(chapter(c, ++revisions[c], 0));
            }
        });
        pages.awaitRecords(ScratchRender.ofEdition(EDITION),
                records -> records.stream().map(SharedRenderingTest::instanceOf).distinct().count() == 2);

        // When a burst of edits comes, in the middle of which instance a stops
        long stopping = 0;
        CompletableFuture<Long> stopped = null;
        for (int round = 1; round <= 40; round++) {
            int c = round % CHAPTERS;
            sent.add(chapter(c, ++revisions[c], round));
            if (round % 5 == 0) {
                int f = round % FIGURES;
                sent.add(sources.indicator(EDITION, "f" + f, ++figureRevisions[f], IndicatorType.INTEGER, Integer.toString(round), "cas"));
            }
            if (round == 20) {
                // (the edits go on while it stops)
                stopping = System.nanoTime();
                long began = stopping;
                stopped = CompletableFuture.supplyAsync(() -> {
                    a.close();
                    return (System.nanoTime() - began) / 1_000_000;
                });
            }
        }
        long lastEdit = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                .until(() -> owned(b).size() == Topics.RENDER_OWNERSHIP.partitions());
        System.out.printf("[sharing] instance b owned every partition %d ms after a began to stop%n",
                (System.nanoTime() - stopping) / 1_000_000);
        System.out.printf("[sharing] instance a stopped in %d ms%n", stopped.join());
        assertThat(b.getBean(MeterRegistry.class).get("report.render.ownership.partitions").gauge().value())
                .isEqualTo(Topics.RENDER_OWNERSHIP.partitions());

        // Then the topics hold the render from scratch of the final state, pages and PDFs
        ScratchRender.Outputs expected = ScratchRender.of(EDITION, sent);
        assertThat(expected.documents()).isNotEmpty();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            pages.poll(Duration.ofMillis(20));
            documents.poll(Duration.ofMillis(20));
            assertThat(ScratchRender.published(pages, EDITION)).isEqualTo(expected.pages());
            assertThat(ScratchRender.published(documents, EDITION)).isEqualTo(expected.documents());
        });
        System.out.printf("[sharing] every page and PDF was the full render's %d ms after the last edit%n",
                (System.nanoTime() - lastEdit) / 1_000_000);

        // And each output was published by one instance at a time: its owner (a or b), and after
        // a stopped, b for a's outputs; never a after b
        Map<String, Integer> perInstance = new TreeMap<>();
        int takenOver = 0;
        List<ConsumerRecord<String, SpecificRecord>> records = new ArrayList<>(pages.records(ScratchRender.ofEdition(EDITION)));
        records.addAll(documents.records(ScratchRender.ofEdition(EDITION)));
        Map<String, String> lastPublisher = new TreeMap<>();
        for (ConsumerRecord<String, SpecificRecord> record : records) {
            String instance = instanceOf(record);
            perInstance.merge(instance, 1, Integer::sum);
            int partition = OutputOwnership.partitionOf(record.key());
            if (instance.equals("a")) {
                assertThat(ownedByA).as("a published %s", record.key()).contains(partition);
                assertThat(lastPublisher.get(record.key())).as("a published %s after b", record.key()).isNotEqualTo("b");
            } else {
                assertThat(instance).isEqualTo("b");
                if (ownedByA.contains(partition)) {
                    takenOver++;
                }
            }
            lastPublisher.put(record.key(), instance);
        }
        System.out.printf("[sharing] records published per instance: %s; by b for outputs a owned: %d%n", perInstance, takenOver);
        assertThat(perInstance).containsKeys("a", "b");
        assertThat(takenOver).isPositive();
    }

    private SpecificRecord chapter(int c, long revision, int variant) {
        return sources.chapter(EDITION, "c" + c, revision, "Chapitre " + c + " " + variant, c + 1,
                "Les défenseur.e.s ont documenté {{fig:f" + (c % FIGURES) + "}} cas, version " + variant + ".");
    }

    private static Set<Integer> owned(ConfigurableApplicationContext app) {
        return new TreeSet<>(app.getBean(OutputOwnership.class).partitions());
    }

    private static String instanceOf(ConsumerRecord<String, SpecificRecord> record) {
        Header header = record.headers().lastHeader(OutputPublisher.INSTANCE_HEADER);
        assertThat(header).as("the publishing instance of %s", record.key()).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
