package org.reportplatform.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.render.site.Rendition;
import org.reportplatform.render.site.Site;
import org.reportplatform.render.sources.SourceEvent;
import org.reportplatform.render.sources.SourceEvents;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorType;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.Topics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Incremental equals full, on the real pipeline: a random sequence of chapter, indicator and dataset
 * events (bursts, deletes, stale re-deliveries, and the render service stopped and started again in
 * the middle, with events arriving while it is down) goes through Kafka and the service; then the
 * pages and the PDF it published (read back from the topics, latest record per key, a tombstone
 * meaning absent) must be byte for byte what a render from scratch of the final state gives.
 *
 * <p>The render from scratch calls the renderers directly (a fresh {@link Site}, no Kafka, no
 * history) on the final state only: the last event of every source, the deleted ones left out.
 * It shares the rendering code with the service, not its state, its dependency index, its dirty
 * sets, its workers or its restarts, which are what this test is about.
 */
class ConvergenceTest {

    private static final String E = "cv";
    private static final String[] SLUGS = {"a", "b", "c", "d", "e", "f"};
    private static final String[] FIGURES = {"x", "y", "z"};
    private static final String[] DATASETS = {"t", "u"};

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private final Random random = new Random(20240611L);
    private final Map<String, Long> revisions = new TreeMap<>();
    /** The last event sent per source ("topic key"): the final state. */
    private final Map<String, SpecificRecord> latest = new TreeMap<>();
    private final List<SpecificRecord> sent = new ArrayList<>();
    private SourceTopics sources;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RenderServiceApplication.class)
                .run("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--server.port=0",
                        "--report.render.quiet-window=10ms", "--report.render.document-window=300ms",
                        "--report.render.document-quiet-window=100ms", "--spring.main.banner-mode=off");
    }

    @Test
    void after_random_events_and_a_restart_the_published_pages_and_pdf_are_a_render_of_the_final_state_from_scratch() {
        // (the service creates the topics when it starts)
        ConfigurableApplicationContext app = start();
        try (SourceTopics topics = new SourceTopics(kafka.bootstrapServers());
                TopicWatcher<SpecificRecord> pages = new TopicWatcher<>(kafka.bootstrapServers(), Topics.PAGES.name(),
                        new org.reportplatform.schemas.AvroDeserializer());
                TopicWatcher<SpecificRecord> documents = new TopicWatcher<>(kafka.bootstrapServers(), Topics.DOCUMENTS.name(),
                        new org.reportplatform.schemas.AvroDeserializer())) {
            sources = topics;
            try {
                // Given a random sequence of events in bursts, with a restart in the middle
                for (int burst = 0; burst < 30; burst++) {
                    if (burst == 15) {
                        app.close();
                        // events arrive while the service is down, a stale one among them
                        for (int i = 0; i < 8; i++) {
                            randomEvent();
                        }
                        redeliverAnOldEvent();
                        app = start();
                    }
                    int size = random.nextInt(5) == 0 ? 10 + random.nextInt(20) : 1 + random.nextInt(3);
                    for (int i = 0; i < size; i++) {
                        randomEvent();
                    }
                    if (random.nextInt(4) == 0) {
                        redeliverAnOldEvent();
                    }
                    sleep(random.nextInt(250));
                }

                // When the service has caught up, Then its topics hold exactly the render from scratch of the final state
                Expected expected = renderFromScratch();
                assertThat(expected.pages()).containsKeys("/cv/", "/cv/chiffres-cles", "/cv/finances");
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                    pages.poll(Duration.ofMillis(50));
                    documents.poll(Duration.ofMillis(50));
                    assertThat(published(pages)).isEqualTo(expected.pages());
                    assertThat(published(documents)).isEqualTo(Map.of("/cv/report.pdf", expected.pdf()));
                });
            } finally {
                app.close();
            }
        }
    }

    private record Expected(Map<String, String> pages, String pdf) {
    }

    private Expected renderFromScratch() {
        Site scratch = Renderers.site();
        latest.forEach((source, event) -> {
            SourceEvent decoded = SourceEvents.decode(source.substring(0, source.indexOf(' ')), source.substring(source.indexOf(' ') + 1), event);
            if (decoded.state() != null) {
                scratch.replay(decoded);
            }
        });
        Map<String, String> pages = new TreeMap<>();
        for (Rendition page : scratch.renderAll(List.of())) {
            pages.put(page.path(), page.sha256());
        }
        scratch.markAllDocumentsDirty(List.of());
        Rendition pdf = scratch.renderDocument(scratch.takeDirtyDocument().orElseThrow()).orElseThrow();
        return new Expected(pages, pdf.sha256());
    }

    /** Path -> SHA-256 of the content of the latest record of each path of the edition (a tombstone removes it). */
    private static Map<String, String> published(TopicWatcher<SpecificRecord> watcher) {
        Predicate<String> edition = key -> key.startsWith("/" + E + "/");
        Map<String, String> latest = new TreeMap<>();
        for (ConsumerRecord<String, SpecificRecord> record : watcher.records(edition)) {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                ByteBuffer content = ((RenderedOutput) record.value()).getContent().duplicate();
                byte[] bytes = new byte[content.remaining()];
                content.get(bytes);
                assertThat(((RenderedOutput) record.value()).getSha256()).isEqualTo(Site.sha256Hex(bytes));
                latest.put(record.key(), Site.sha256Hex(bytes));
            }
        }
        return latest;
    }

    private long next(String source) {
        return revisions.merge(source, 1L, Long::sum);
    }

    private void randomEvent() {
        int kind = random.nextInt(10);
        if (kind < 4) {
            String slug = SLUGS[random.nextInt(SLUGS.length)];
            String source = Topics.CHAPTERS.name() + " " + E + "/" + slug;
            StringBuilder body = new StringBuilder("Les défenseur.e.s ont documenté {{fig:" + FIGURES[random.nextInt(FIGURES.length)]
                    + "}} cas ; celles et ceux qui œuvrent « ensemble » " + random.nextInt(4) + ".");
            if (random.nextBoolean()) {
                body.append("\n\n{{chart:").append(DATASETS[random.nextInt(DATASETS.length)]).append("}}");
            }
            if (random.nextInt(5) == 0) {
                body.insert(0, "## Sous-titre " + random.nextInt(3) + "\n\n");
            }
            record(source, sources.chapter(E, slug, next(source), "Chapitre " + slug + " " + random.nextInt(3), 1 + random.nextInt(6),
                    body.toString()));
        } else if (kind == 4) {
            String slug = SLUGS[random.nextInt(SLUGS.length)];
            String source = Topics.CHAPTERS.name() + " " + E + "/" + slug;
            record(source, sources.deleteChapter(E, slug, next(source)));
        } else if (kind < 8) {
            String id = FIGURES[random.nextInt(FIGURES.length)];
            String source = Topics.INDICATORS.name() + " " + E + "/" + id;
            if (random.nextInt(8) == 0) {
                record(source, sources.deleteIndicator(E, id, next(source)));
            } else {
                record(source, sources.indicator(E, id, next(source), IndicatorType.INTEGER, Integer.toString(random.nextInt(2_000_000)), "cas"));
            }
        } else {
            String id = DATASETS[random.nextInt(DATASETS.length)];
            String source = Topics.DATASETS.name() + " " + E + "/" + id;
            if (random.nextInt(6) == 0) {
                record(source, sources.deleteDataset(E, id, next(source)));
            } else {
                List<List<String>> rows = new ArrayList<>();
                for (int r = 0; r <= random.nextInt(4); r++) {
                    rows.add(List.of("Poste " + r, Integer.toString(random.nextInt(5_000_000))));
                }
                record(source, sources.dataset(E, id, next(source), "Tableau " + id, rows));
            }
        }
    }

    private void record(String source, SpecificRecord event) {
        latest.put(source, event);
        sent.add(event);
    }

    /** Sends again an event already sent (a redelivery): stale unless it is its source's latest. */
    private void redeliverAnOldEvent() {
        SpecificRecord old = sent.get(random.nextInt(sent.size()));
        if (old instanceof ChapterChanged c) {
            sources.send(Topics.CHAPTERS.name(), E + "/" + c.getSlug(), c);
        } else if (old instanceof IndicatorChanged i) {
            sources.send(Topics.INDICATORS.name(), E + "/" + i.getIndicatorId(), i);
        } else if (old instanceof DatasetChanged d) {
            sources.send(Topics.DATASETS.name(), E + "/" + d.getDatasetId(), d);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
