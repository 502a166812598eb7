package org.reportplatform.content.chapters;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.ref.Reference;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.content.ContentServiceApplication;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.schemas.AvroSerializer;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.Topics;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Not a test: measures chapter writes and the replay on this machine, against a real broker
 * (Testcontainers Kafka where Docker is reachable, otherwise Kafka's KRaft broker in this JVM).
 * Never part of {@code ./mvnw verify}; run it with
 *
 * <pre>./mvnw -pl content-service verify -Pbenchmarks</pre>
 *
 * <ol>
 *   <li>Write latency: sequential chapter updates over real HTTP, each answered only once its
 *       Kafka transaction committed (acks=all); p50, p99 and max, after a warm-up.</li>
 *   <li>Write throughput: concurrent clients, each updating its own chapter.</li>
 *   <li>Replay: 100,000 more revisions put on report.chapters.v1, then the time a fresh
 *       {@link RevisionLog} takes to read the whole topic into a new {@link ChapterBook}, and the
 *       heap that book holds once replayed (used heap after a GC, with and without it).</li>
 *   <li>Reading an old revision back from the topic over HTTP ({@code GET .../revisions/{n}}).</li>
 * </ol>
 * Targets (issue 3): write p99 under 20 ms, replay of 100,000 revisions under 10 s.
 */
class ChapterWriteBenchmark {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final int WARM_UP = 300;
    private static final int SEQUENTIAL = 3_000;
    private static final int CLIENTS = 8;
    private static final int PER_CLIENT = 500;
    private static final int REPLAYED = 100_000;
    private static final int REPLAY_CHAPTERS = 100;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String body = frenchBody(1_500);

    @Test
    void chapterWritesAndReplay() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ContentServiceApplication.class)
                .profiles("demo")
                .run("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--server.port=0",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            for (int c = 0; c < CLIENTS; c++) {
                expect(201, put(base, "chapitre-" + c, null, "{\"title\": \"Chapitre " + c
                        + "\", \"body\": \"Texte.\", \"ownerTeam\": \"chapitre-" + c + "\"}"));
            }

            // 1. Latency, one client, one update after the other.
            long[] revision = new long[CLIENTS];
            Arrays.fill(revision, 1);
            updates(base, 0, WARM_UP, revision);
            long started = System.nanoTime();
            long[] sequential = updates(base, 0, SEQUENTIAL, revision);
            double sequentialSeconds = (System.nanoTime() - started) / 1e9;

            // 2. Throughput, several clients at once, each on its own chapter.
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<long[]>> futures = new ArrayList<>();
            started = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                int chapter = c;
                futures.add(pool.submit(() -> updates(base, chapter, PER_CLIENT, revision)));
            }
            List<Long> concurrent = new ArrayList<>();
            for (Future<long[]> future : futures) {
                Arrays.stream(future.get()).forEach(concurrent::add);
            }
            double concurrentSeconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();

            // 3. In-process writes (no HTTP): the log's share of the latency; and HTTP reads of the
            //    same chapter (no Kafka): the HTTP share.
            long[] inProcess = inProcessUpdates(app, 1_000);
            long[] reads = reads(base, "/api/editions/2090/chapters/chapitre-0", 1_000);
            // Old revisions are read back from the topic (memory keeps only their summary and position).
            long[] oldReads = reads(base, "/api/editions/2090/chapters/chapitre-1/revisions/" + (PER_CLIENT / 2), 300);

            // 4. Replay of 100,000 more revisions, twice: the first in a JVM that never decoded that
            //    many events (as at a service's start), the second warmed up.
            long produced = produceRevisions(REPLAYED);
            double[] replaySeconds = new double[2];
            long[] replayGcMillis = new long[2];
            long replayed = 0;
            long baselineBytes = 0;
            long withBookBytes = 0;
            ChapterBook book = null;
            for (int round = 0; round < 2; round++) {
                book = null;
                baselineBytes = usedHeapAfterGc();
                long gcBefore = gcMillis();
                RevisionReader<ChapterChanged> reader = new RevisionReader<>(Topics.CHAPTERS, consumers(app), Duration.ofSeconds(30));
                book = new ChapterBook(reader);
                RevisionLog<ChapterChanged> replay = freshLog(app, book);
                started = System.nanoTime();
                replay.start();
                replaySeconds[round] = (System.nanoTime() - started) / 1e9;
                replayGcMillis[round] = gcMillis() - gcBefore;
                replayed = replay.replayedEvents();
                replay.stop();
                reader.close();
                withBookBytes = usedHeapAfterGc();
            }
            long bookRevisions = book.revisionCount();
            Reference.reachabilityFence(book);

            long[] all = concurrent.stream().mapToLong(Long::longValue).toArray();
            System.out.printf(Locale.ROOT, """

                    ==== content-service benchmark (broker: %s; %d cores; load average %.1f at the end) ====
                    chapter updates over HTTP, each answered after its Kafka transaction committed (acks=all):
                      sequential, 1 client   : %d updates in %.2f s = %.0f updates/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms
                      concurrent, %d clients  : %d updates in %.2f s = %.0f updates/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms
                    the same updates in process (ChapterWrites.put, no HTTP), 1 thread:
                      latency p50 %.2f ms, p99 %.2f ms, max %.2f ms
                    HTTP GET of the same chapter (no Kafka), 1 client: latency p50 %.2f ms, p99 %.2f ms, max %.2f ms
                    HTTP GET of an old revision (read back from the topic), 1 client: latency p50 %.2f ms, p99 %.2f ms, max %.2f ms
                    replay: %d events of %s (%d produced for this run, %d-character bodies) into a new ChapterBook:
                      first (cold JVM code) %.2f s = %.0f events/s (GC %d ms); second %.2f s = %.0f events/s (GC %d ms)
                      heap used after a GC: %.1f MB without the replayed book, %.1f MB with it (%d chapters, %d revisions):
                      the book holds %.1f MB = %.0f bytes a revision (max heap %d MB; the broker runs in this JVM)
                    targets: write p99 < 20 ms -> %s; replay of 100,000 revisions < 10 s -> %s
                    ==========================================================
                    """,
                    kafka.bootstrapServers(), Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    SEQUENTIAL, sequentialSeconds, SEQUENTIAL / sequentialSeconds,
                    percentile(sequential, 50), percentile(sequential, 99), percentile(sequential, 100),
                    CLIENTS, all.length, concurrentSeconds, all.length / concurrentSeconds,
                    percentile(all, 50), percentile(all, 99), percentile(all, 100),
                    percentile(inProcess, 50), percentile(inProcess, 99), percentile(inProcess, 100),
                    percentile(reads, 50), percentile(reads, 99), percentile(reads, 100),
                    percentile(oldReads, 50), percentile(oldReads, 99), percentile(oldReads, 100),
                    replayed, Topics.CHAPTERS.name(), produced, body.length(),
                    replaySeconds[0], replayed / replaySeconds[0], replayGcMillis[0],
                    replaySeconds[1], replayed / replaySeconds[1], replayGcMillis[1],
                    baselineBytes / 1e6, withBookBytes / 1e6, book.chapters("2091").size(), bookRevisions,
                    (withBookBytes - baselineBytes) / 1e6, (double) (withBookBytes - baselineBytes) / bookRevisions,
                    Runtime.getRuntime().maxMemory() >> 20,
                    percentile(sequential, 99) < 20 ? "met" : "MISSED", replaySeconds[0] < 10 ? "met" : "MISSED");
        }
    }

    /** Updates of chapter 0 through {@link ChapterWrites} directly; latencies in nanoseconds. */
    private long[] inProcessUpdates(ConfigurableApplicationContext app, int count) {
        ChapterWrites writes = app.getBean(ChapterWrites.class);
        ChapterBook book = app.getBean(ChapterBook.class);
        Caller admin = new Caller("benchmark", "Benchmark", Set.of(Role.ADMIN), Set.of(), null);
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            long current = book.current("2090", "chapitre-0").orElseThrow().revision();
            ChapterRequest request = new ChapterRequest("Chapitre 0", body + " En process " + i + ".", null, null, null);
            long started = System.nanoTime();
            writes.put("2090", "chapitre-0", request, new Preconditions("\"" + current + "\"", null), admin);
            latencies[i] = System.nanoTime() - started;
        }
        return latencies;
    }

    private long[] reads(String base, String path, int count) throws Exception {
        long[] latencies = new long[count];
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).GET().build();
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            expect(200, client.send(request, HttpResponse.BodyHandlers.ofString()));
            latencies[i] = System.nanoTime() - started;
        }
        return latencies;
    }

    /** Heap in use once a full GC ran (System.gc twice: the second collects what the first only finalized). */
    private static long usedHeapAfterGc() {
        System.gc();
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** {@code count} updates of one chapter, one after the other; their latencies in nanoseconds. */
    private long[] updates(String base, int chapter, int count, long[] revision) throws Exception {
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            String json = "{\"title\": \"Chapitre " + chapter + "\", \"body\": \"" + body + " Version " + i + ".\"}";
            long started = System.nanoTime();
            HttpResponse<String> response = put(base, "chapitre-" + chapter, "\"" + revision[chapter] + "\"", json);
            latencies[i] = System.nanoTime() - started;
            expect(200, response);
            revision[chapter]++;
        }
        return latencies;
    }

    private HttpResponse<String> put(String base, String slug, String ifMatch, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/editions/2090/chapters/" + slug))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                // No demo token is of a team chapitre-N: the admin edits them all.
                .header("Authorization", "Bearer demo-admin")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response.statusCode() + ": " + response.body());
        }
    }

    /** Puts {@code count} revisions of 100 chapters of edition 2091 on the topic, in transactions of 1,000. */
    private long produceRevisions(int count) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "benchmark-loader", ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        try (var producer = new KafkaProducer<String, SpecificRecord>(config, new StringSerializer(), new AvroSerializer())) {
            producer.initTransactions();
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            for (int i = 0; i < count; i++) {
                if (i % 1_000 == 0) {
                    producer.beginTransaction();
                }
                int chapter = i % REPLAY_CHAPTERS;
                ChapterChanged event = ChapterChanged.newBuilder()
                        .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                                .setActor("chapitre-" + chapter).build())
                        .setEdition("2091").setSlug("chapitre-" + chapter).setRevision(i / REPLAY_CHAPTERS + 1)
                        .setChapter(ChapterState.newBuilder().setTitle("Chapitre " + chapter).setBody(body + " Version " + i + ".")
                                .setPosition(chapter + 1).setOwnerTeam("chapitre-" + chapter).setLanguage("fr").build())
                        .build();
                producer.send(new ProducerRecord<>(Topics.CHAPTERS.name(), Topics.sourceKey("2091", "chapitre-" + chapter), event));
                if (i % 1_000 == 999 || i == count - 1) {
                    producer.commitTransaction();
                }
            }
        }
        return count;
    }

    @SuppressWarnings("unchecked")
    private static RevisionLog<ChapterChanged> freshLog(ConfigurableApplicationContext app, ChapterBook book) {
        return new RevisionLog<>(Topics.CHAPTERS, book::keyOf, book::apply, app.getBean(KafkaTemplate.class),
                consumers(app), Duration.ofSeconds(30));
    }

    @SuppressWarnings("unchecked")
    private static ConsumerFactory<String, Object> consumers(ConfigurableApplicationContext app) {
        return app.getBean(ConsumerFactory.class);
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    private static String frenchBody(int length) {
        String sentence = "Les défenseur.e.s des droits humains œuvrent « sans relâche » contre la torture, aujourd’hui comme hier. ";
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(sentence);
        }
        return text.substring(0, length).strip();
    }
}
