package org.reportplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.render.site.Site;
import org.reportplatform.schemas.AvroDeserializer;
import org.reportplatform.schemas.AvroSerializer;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.reportplatform.schemas.ColumnType;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.DatasetColumn;
import org.reportplatform.schemas.DatasetState;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorState;
import org.reportplatform.schemas.IndicatorType;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.Topics;
import org.reportplatform.schemas.ValueFormatter;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The render service's figures, on a real (in-JVM) broker and the service as it runs. Not a test:
 * it is left out of {@code ./mvnw verify} and runs with
 *
 * <pre>./mvnw -pl render-service verify -Pbenchmarks</pre>
 *
 * It prints:
 * <ul>
 *   <li>p50/p99 from a chapter event (sent) to its page published (read back from
 *       {@code report.pages.v1}), and the same for a single indicator change to the page citing
 *       it, on the demo report and on a generated report of 1,000 chapters and 10,000 indicators;</li>
 *   <li>the pages rebuilt for a burst of 500 figure changes on the large report;</li>
 *   <li>the demo PDF's render time, and the time from an edit to the PDF published (read back from
 *       {@code report.documents.v1}); the same for the large report's PDF.</li>
 * </ul>
 */
class RenderBenchmark {

    private static final String DEMO = DemoReport.EDITION;
    private static final String LARGE = "2099";
    private static final int LARGE_CHAPTERS = 1_000;
    private static final int FIGURES_PER_CHAPTER = 10;
    private static final int SAMPLES = 200;
    private static final int WARM_UP = 100;

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private final Random random = new Random(42);
    private final Map<String, Long> revisions = new HashMap<>();
    private KafkaProducer<String, SpecificRecord> producer;
    private KafkaConsumer<String, SpecificRecord> pages;
    private KafkaConsumer<String, SpecificRecord> documents;
    private final List<String> report = new ArrayList<>();

    @Test
    void benchmark() throws Exception {
        // -Dbenchmark.document-window=1h: a control run, the PDF kept out of the way of the pages
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RenderServiceApplication.class)
                .run("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--server.port=0", "--spring.main.banner-mode=off",
                        // the demo tokens: the preview scenario calls the HTTP API as a team member
                        "--spring.profiles.active=demo",
                        "--logging.level.org.reportplatform.render.publishing.DocumentWorker=WARN",
                        "--report.render.document-window=" + System.getProperty("benchmark.document-window", "1s"));
        boolean demoOnly = Boolean.getBoolean("benchmark.demo-only");
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(config, new StringSerializer(), new AvroSerializer());
        pages = consumer(Topics.PAGES.name());
        documents = consumer(Topics.DOCUMENTS.name());
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        try {
            // --- the demo report
            loadDemo();
            awaitPage("/" + DEMO + "/donateurs-finances", html -> html.contains("Revenus par source"), Duration.ofSeconds(60));
            awaitDocument("/" + DEMO + "/report.pdf", null, Duration.ofSeconds(60));
            // the JIT warms up on the renderers first (on 2 cores its compilations compete with everything else)
            renderDemoPdf(15);
            Thread.sleep(2_000);
            List<String> demoSlugs = DemoReport.chapters().stream().map(DemoReport.ChapterFile::slug).toList();
            Stats demoChapter = chapterEdits(DEMO, demoSlugs);
            Stats demoIndicator = indicatorEdits(DEMO, "sos-defenders.cases", "defenseurs", "documenté ");
            Stats demoPdfRender = renderDemoPdf(10);
            Stats demoPreview = previews(app, demoSlugs);
            if (demoOnly) {
                report.add(demoPreview.line("demo: preview of a chapter being typed (HTTP round trip)"));
                report.add(demoChapter.line("demo: chapter event -> its page published"));
                report.add(demoIndicator.line("demo: indicator change -> page citing it published"));
                report.add(demoPdfRender.line("demo PDF render (renderer alone, warm)"));
                System.out.println("==== render-service benchmark, demo only ====");
                report.forEach(System.out::println);
                return;
            }
            Stats demoPdf = editToDocument(DEMO, "enfants", 8);

            // --- a report of 1,000 chapters and 10,000 indicators
            long loadStarted = System.nanoTime();
            loadLarge();
            awaitPage("/" + LARGE + "/c" + LARGE_CHAPTERS, html -> html.contains("Chapitre " + LARGE_CHAPTERS), Duration.ofMinutes(5));
            int lastKeyFiguresPage = org.reportplatform.render.site.OutputId.KeyFiguresPage.count(LARGE_CHAPTERS * FIGURES_PER_CHAPTER);
            awaitPage("/" + LARGE + "/chiffres-cles/" + lastKeyFiguresPage,
                    html -> html.contains("Indicateur " + LARGE_CHAPTERS * FIGURES_PER_CHAPTER + "<"), Duration.ofMinutes(5));
            long loaded = System.nanoTime() - loadStarted;
            Thread.sleep(3_000);
            List<String> largeSlugs = new ArrayList<>();
            for (int c = 1; c <= LARGE_CHAPTERS; c++) {
                largeSlugs.add("c" + c);
            }
            Stats largeChapter = chapterEdits(LARGE, largeSlugs);
            Stats largeIndicator = indicatorEdits(LARGE, indicatorId(5_005), "c501", "");
            String burst = burst(meters);
            Stats largePdf = editToDocument(LARGE, "c2", 1);

            report.add(String.format("%-58s %8s %8s %8s %6s", "", "p50 ms", "p99 ms", "max ms", "n"));
            report.add(demoChapter.line("demo: chapter event -> its page published"));
            report.add(demoIndicator.line("demo: indicator change -> page citing it published"));
            report.add(largeChapter.line("1,000 ch./10,000 ind.: chapter event -> page published"));
            report.add(largeIndicator.line("1,000 ch./10,000 ind.: indicator change -> page published"));
            report.add(String.format("indicator change, large / demo (p50): %.2fx, (p99): %.2fx", largeIndicator.p(50) / demoIndicator.p(50),
                    largeIndicator.p(99) / demoIndicator.p(99)));
            report.add(burst);
            report.add(demoPdfRender.line("demo PDF render (renderer alone, warm)"));
            report.add(demoPreview.line("demo: preview of a chapter being typed (HTTP round trip)"));
            report.add(demoPdf.line("demo: edit -> PDF published"));
            report.add(largePdf.line("1,000 ch./10,000 ind.: edit -> PDF published"));
            report.add(String.format("large report loaded (11,020 events) and rendered in %d ms", loaded / 1_000_000));
            System.out.println();
            System.out.println("==== render-service benchmark (" + Runtime.getRuntime().availableProcessors() + " cores) ====");
            report.forEach(System.out::println);
            System.out.println("====");
        } finally {
            producer.close();
            pages.close();
            documents.close();
            app.close();
        }
    }

    // --- scenarios

    /** Edits random chapters one after the other, each time waiting for its page, 50 ms between edits. */
    private Stats chapterEdits(String edition, List<String> slugs) throws Exception {
        Stats stats = new Stats();
        Stats service = new Stats();
        for (int i = 0; i < WARM_UP + SAMPLES; i++) {
            String slug = slugs.get(random.nextInt(slugs.size()));
            String marker = "Révision " + edition + "-" + i;
            int position = slugs.indexOf(slug) + 1;
            long started = System.nanoTime();
            send(Topics.CHAPTERS.name(), edition + "/" + slug, chapter(edition, slug, titleOf(edition, slug), position,
                    bodyOf(edition, slug) + "\n\n" + marker + "."));
            long inService = awaitPage("/" + edition + "/" + slug, html -> html.contains(marker), Duration.ofSeconds(30));
            if (i >= WARM_UP) {
                stats.add(System.nanoTime() - started);
                service.add(inService * 1_000_000);
            }
            Thread.sleep(50);
        }
        report.add(service.line("  (" + edition + ", chapter: event time -> page sent, in the service)"));
        return stats;
    }

    /**
     * The studio's preview: POSTs the demo chapters' text with a few more words each time (as
     * someone typing), one request after the other, 20 ms apart; the HTTP round trip, and the
     * server side alone ({@code report.render.preview}'s mean over the same requests).
     */
    private Stats previews(ConfigurableApplicationContext app, List<String> slugs) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        io.micrometer.core.instrument.Timer timer = app.getBean(MeterRegistry.class).get("report.render.preview").timer();
        Stats stats = new Stats();
        long countBefore = 0;
        double totalBefore = 0;
        for (int i = 0; i < WARM_UP + SAMPLES; i++) {
            if (i == WARM_UP) {
                countBefore = timer.count();
                totalBefore = timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            String slug = slugs.get(random.nextInt(slugs.size()));
            String json = tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(Map.of("title", titleOf(DEMO, slug),
                    "body", bodyOf(DEMO, slug) + "\n\nUn paragraphe en cours de frappe " + i + " {{fig:sos-defenders.cases}}."));
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(base + "/api/editions/" + DEMO + "/chapters/" + slug + "/preview"))
                    .header("Authorization", "Bearer demo-enfants").header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
            long started = System.nanoTime();
            java.net.http.HttpResponse<String> response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - started;
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("en cours de frappe " + i);
            if (i >= WARM_UP) {
                stats.add(took);
            }
            Thread.sleep(20);
        }
        report.add(String.format("  (demo, preview: server side, mean of report.render.preview over the same requests: %.1f ms)",
                (timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS) - totalBefore) / (timer.count() - countBefore)));
        return stats;
    }

    /** Changes one indicator again and again, each time waiting for the chapter page citing it. */
    private Stats indicatorEdits(String edition, String indicatorId, String slug, String before) throws Exception {
        Stats stats = new Stats();
        Stats service = new Stats();
        for (int i = 0; i < WARM_UP + SAMPLES; i++) {
            String value = Integer.toString(100_000 + i * 7 + random.nextInt(7));
            String formatted = ValueFormatter.FRENCH.number(value);
            long started = System.nanoTime();
            send(Topics.INDICATORS.name(), edition + "/" + indicatorId, indicator(edition, indicatorId, "Indicateur " + indicatorId, value, "cas"));
            long inService = awaitPage("/" + edition + "/" + slug, html -> html.contains(before + formatted), Duration.ofSeconds(30));
            if (i >= WARM_UP) {
                stats.add(System.nanoTime() - started);
                service.add(inService * 1_000_000);
            }
            Thread.sleep(50);
        }
        report.add(service.line("  (" + edition + ", indicator: event time -> page sent, in the service)"));
        return stats;
    }

    /** 500 figure changes at once (50 chapters citing 10 each); counts the pages published until the topic is quiet. */
    private String burst(MeterRegistry meters) throws Exception {
        double publishedBefore = meters.counter("report.render.outputs", "outcome", "published").count();
        double unchangedBefore = meters.counter("report.render.outputs", "outcome", "unchanged").count();
        long started = System.nanoTime();
        List<Future<?>> acks = new ArrayList<>();
        for (int n = 1; n <= 500; n++) {
            String id = indicatorId(n);
            acks.add(producer.send(new ProducerRecord<>(Topics.INDICATORS.name(), LARGE + "/" + id,
                    indicator(LARGE, id, "Indicateur " + n, Integer.toString(900_000 + n), "cas"))));
        }
        for (Future<?> ack : acks) {
            ack.get();
        }
        long sent = System.nanoTime() - started;
        Map<String, Integer> perPath = new HashMap<>();
        long lastSeen = System.nanoTime();
        while (System.nanoTime() - lastSeen < Duration.ofSeconds(3).toNanos()) {
            for (ConsumerRecord<String, SpecificRecord> record : pages.poll(Duration.ofMillis(50))) {
                if (record.key().startsWith("/" + LARGE + "/")) {
                    perPath.merge(record.key(), 1, Integer::sum);
                    lastSeen = System.nanoTime();
                }
            }
        }
        long done = lastSeen - started;
        int records = perPath.values().stream().mapToInt(Integer::intValue).sum();
        double rendered = meters.counter("report.render.outputs", "outcome", "published").count() - publishedBefore
                + meters.counter("report.render.outputs", "outcome", "unchanged").count() - unchangedBefore;
        return String.format("500-figure burst (large report, 50 chapters x 10 figures, sent in %d ms): %d pages affected, %d page records "
                + "published (%s), %.0f page renders; last page published %d ms after the first event", sent / 1_000_000, perPath.size(), records,
                summary(perPath), rendered, done / 1_000_000);
    }

    private static String summary(Map<String, Integer> perPath) {
        Map<Integer, Integer> histogram = new java.util.TreeMap<>();
        perPath.values().forEach(n -> histogram.merge(n, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        histogram.forEach((times, count) -> parts.add(count + " page(s) x" + times));
        return String.join(", ", parts);
    }

    /** Edits a chapter, waits for the PDF to be published again; pauses so that each edit is alone in its window. */
    private Stats editToDocument(String edition, String slug, int samples) throws Exception {
        Stats stats = new Stats();
        String path = "/" + edition + "/report.pdf";
        for (int i = 0; i < samples; i++) {
            Thread.sleep(1_500);
            documents.poll(Duration.ofMillis(10));
            long started = System.nanoTime();
            ChapterChanged edit = chapter(edition, slug, titleOf(edition, slug),
                    edition.equals(LARGE) ? Integer.parseInt(slug.substring(1)) : 9, bodyOf(edition, slug) + "\n\nPDF " + i + ".");
            send(Topics.CHAPTERS.name(), edition + "/" + slug, edit);
            awaitDocument(path, edit.getMetadata().getEventId(), Duration.ofMinutes(10));
            stats.add(System.nanoTime() - started);
        }
        return stats;
    }

    /** The demo PDF rendered by the renderer alone, warm (no Kafka). */
    private static Stats renderDemoPdf(int runs) {
        Site site = Renderers.site();
        DemoReport.events().forEach(site::replay);
        Stats stats = new Stats();
        for (int i = 0; i < runs + 3; i++) {
            site.markAllDocumentsDirty(List.of());
            Site.DocumentJob job = site.takeDirtyDocument().orElseThrow();
            long started = System.nanoTime();
            assertThat(site.renderDocument(job)).isPresent();
            if (i >= 3) {
                stats.add(System.nanoTime() - started);
            }
        }
        return stats;
    }

    // --- the reports

    private final Map<String, String> titles = new HashMap<>();
    private final Map<String, String> bodies = new HashMap<>();

    private String titleOf(String edition, String slug) {
        return titles.get(edition + "/" + slug);
    }

    private String bodyOf(String edition, String slug) {
        return bodies.get(edition + "/" + slug);
    }

    private void loadDemo() throws Exception {
        List<Future<?>> acks = new ArrayList<>();
        for (DemoReport.ChapterFile c : DemoReport.chapters()) {
            titles.put(DEMO + "/" + c.slug(), c.title());
            bodies.put(DEMO + "/" + c.slug(), c.body());
            acks.add(sendAsync(Topics.CHAPTERS.name(), DEMO + "/" + c.slug(), chapter(DEMO, c.slug(), c.title(), c.position(), c.body())));
        }
        for (DemoReport.IndicatorRow i : DemoReport.indicators()) {
            acks.add(sendAsync(Topics.INDICATORS.name(), DEMO + "/" + i.id(), IndicatorChanged.newBuilder()
                    .setMetadata(SourceTopics.metadata(SourceTopics.newEventId())).setEdition(DEMO).setIndicatorId(i.id())
                    .setRevision(next(DEMO + "/" + i.id()))
                    .setIndicator(IndicatorState.newBuilder().setLabel(i.label()).setType(i.type()).setValue(i.value()).setUnit(i.unit())
                            .setPeriod(i.period()).setSource(i.source()).setOwnerTeam("team").build())
                    .build()));
        }
        for (DemoReport.DatasetFile d : DemoReport.datasets()) {
            acks.add(sendAsync(Topics.DATASETS.name(), DEMO + "/" + d.id(), dataset(DEMO, d.id(), d.title(), d.rows(), d.unit(), d.source())));
        }
        for (Future<?> ack : acks) {
            ack.get();
        }
    }

    private static String indicatorId(int n) {
        return String.format("i%05d", n);
    }

    private void loadLarge() throws Exception {
        List<Future<?>> acks = new ArrayList<>();
        for (int n = 1; n <= LARGE_CHAPTERS * FIGURES_PER_CHAPTER; n++) {
            acks.add(sendAsync(Topics.INDICATORS.name(), LARGE + "/" + indicatorId(n),
                    indicator(LARGE, indicatorId(n), "Indicateur " + n, Integer.toString(1_000 + n), "cas")));
        }
        for (int d = 1; d <= 20; d++) {
            List<List<String>> rows = new ArrayList<>();
            for (int r = 1; r <= 5; r++) {
                rows.add(List.of("Poste " + r, Integer.toString(100_000 * r + d)));
            }
            acks.add(sendAsync(Topics.DATASETS.name(), LARGE + "/d" + d, dataset(LARGE, "d" + d, "Tableau " + d, rows, "CHF", "Source " + d)));
        }
        for (int c = 1; c <= LARGE_CHAPTERS; c++) {
            StringBuilder body = new StringBuilder("Un chapitre de démonstration, où les défenseur.e.s œuvrent « ensemble ».\n\n");
            for (int f = 1; f <= FIGURES_PER_CHAPTER; f++) {
                int n = (c - 1) * FIGURES_PER_CHAPTER + f;
                body.append(f == 1 ? "" : " ").append("Chiffre ").append(f).append(" : {{fig:").append(indicatorId(n)).append("}}.");
            }
            if (c <= 20) {
                body.append("\n\n{{chart:d").append(c).append("}}");
            }
            String slug = "c" + c;
            titles.put(LARGE + "/" + slug, "Chapitre " + c);
            bodies.put(LARGE + "/" + slug, body.toString());
            acks.add(sendAsync(Topics.CHAPTERS.name(), LARGE + "/" + slug, chapter(LARGE, slug, "Chapitre " + c, c, body.toString())));
        }
        for (Future<?> ack : acks) {
            ack.get();
        }
    }

    // --- events

    private long next(String key) {
        return revisions.merge(key, 1L, Long::sum);
    }

    private ChapterChanged chapter(String edition, String slug, String title, int position, String body) {
        return ChapterChanged.newBuilder().setMetadata(SourceTopics.metadata(SourceTopics.newEventId())).setEdition(edition).setSlug(slug)
                .setRevision(next(edition + "/" + slug))
                .setChapter(ChapterState.newBuilder().setTitle(title).setBody(body).setPosition(position).setOwnerTeam(slug).setLanguage("fr").build())
                .build();
    }

    private IndicatorChanged indicator(String edition, String id, String label, String value, String unit) {
        return IndicatorChanged.newBuilder().setMetadata(SourceTopics.metadata(SourceTopics.newEventId())).setEdition(edition).setIndicatorId(id)
                .setRevision(next(edition + "/" + id))
                .setIndicator(IndicatorState.newBuilder().setLabel(label).setType(IndicatorType.INTEGER).setValue(value).setUnit(unit)
                        .setPeriod("2024").setSource("Source").setOwnerTeam("team").build())
                .build();
    }

    private DatasetChanged dataset(String edition, String id, String title, List<List<String>> rows, String unit, String source) {
        return DatasetChanged.newBuilder().setMetadata(SourceTopics.metadata(SourceTopics.newEventId())).setEdition(edition).setDatasetId(id)
                .setRevision(next(edition + "/" + id))
                .setDataset(DatasetState.newBuilder().setTitle(title)
                        .setColumns(List.of(new DatasetColumn("label", ColumnType.TEXT), new DatasetColumn("amount", ColumnType.NUMBER)))
                        .setRows(rows).setUnit(unit).setSource(source).setOwnerTeam("team").build())
                .build();
    }

    private Future<?> sendAsync(String topic, String key, SpecificRecord value) {
        return producer.send(new ProducerRecord<>(topic, key, value));
    }

    private void send(String topic, String key, SpecificRecord value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    // --- reading back

    private KafkaConsumer<String, SpecificRecord> consumer(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024 * 1024);
        KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new AvroDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(p -> consumer.position(p));
        return consumer;
    }

    /** Waits for the page; returns the service's own latency (from the event's time to the page's send), in ms. */
    private long awaitPage(String path, Predicate<String> html, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, SpecificRecord> record : pages.poll(Duration.ofMillis(2))) {
                if (record.key().equals(path) && record.value() != null && html.test(new String(bytes((RenderedOutput) record.value()),
                        StandardCharsets.UTF_8))) {
                    RenderedOutput out = (RenderedOutput) record.value();
                    return Duration.between(out.getSourceChangedAt(), out.getPublishedAt()).toMillis();
                }
            }
        }
        throw new AssertionError(path + " was not published within " + timeout);
    }

    private void awaitDocument(String path, String causeEventId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, SpecificRecord> record : documents.poll(Duration.ofMillis(5))) {
                if (record.key().equals(path) && record.value() != null
                        && (causeEventId == null || ((RenderedOutput) record.value()).getCauses().contains(causeEventId))) {
                    RenderedOutput out = (RenderedOutput) record.value();
                    report.add(String.format("  %s published: %d bytes, %d ms after its earliest cause (in the service)", path,
                            out.getContent().remaining(), Duration.between(out.getSourceChangedAt(), out.getPublishedAt()).toMillis()));
                    return;
                }
            }
        }
        throw new AssertionError(path + " was not published within " + timeout);
    }

    private static byte[] bytes(RenderedOutput output) {
        ByteBuffer content = output.getContent().duplicate();
        byte[] bytes = new byte[content.remaining()];
        content.get(bytes);
        return bytes;
    }

    /** Latencies in nanoseconds. */
    private static final class Stats {
        private final List<Long> samples = new ArrayList<>();

        void add(long nanos) {
            samples.add(nanos);
        }

        double p(int percentile) {
            long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
            int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        String line(String what) {
            double max = samples.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
            return String.format("%-58s %8.1f %8.1f %8.1f %6d", what, p(50), p(99), max, samples.size());
        }
    }
}
