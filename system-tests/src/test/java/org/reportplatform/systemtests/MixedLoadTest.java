package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Load: for a fixed time, readers fetch the report's pages from the gateway as fast as they can
 * while authors edit chapters and figures through it, all on the loopback interface. The
 * gateway's error rate stays zero and its p99 stays bounded while the writers and the render
 * service work. Prints the figures; the bound is a guard against a stall, not a benchmark (see
 * {@code ./benchmark.sh} for that).
 */
@ExtendWith(SharedPlatform.class)
class MixedLoadTest {

    private static final String EDITION = "2097";
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("reliability.load.seconds", 20));
    private static final int READERS = 4;
    private static final long P99_BOUND_MILLIS = 2_000;

    private final SharedPlatform.Running platform = SharedPlatform.get();
    private final ReportApi api = new ReportApi(platform.gateway());

    @Test
    void readersGetEveryPageFastWhileAuthorsWrite() throws Exception {
        // Given an edition of three chapters, each showing an indicator, served
        List<String> pages = new ArrayList<>(List.of("/" + EDITION + "/"));
        List<Author> authors = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        for (int i = 1; i <= 3; i++) {
            String slug = "charge-" + i;
            String figure = "charge.f" + i;
            assertThat(api.createIndicator(EDITION, figure, "enfants", 0).status()).isEqualTo(201);
            assertThat(api.createChapter(EDITION, slug, "enfants", "Chapitre " + slug, Author.chapterBody(slug, 0, List.of(figure))).status())
                    .isEqualTo(201);
            pages.add("/" + EDITION + "/" + slug);
            if (i <= 2) {
                authors.add(new Author(api, i == 1 ? Author.Kind.CHAPTER : Author.Kind.INDICATOR, EDITION, i == 1 ? slug : figure,
                        "demo-enfants", Integer.MAX_VALUE, 0, stop::get).referencing(List.of("charge.f1")));
            }
        }
        await("the pages served").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> pages.stream().allMatch(p -> platform.gateway().get(p).status() == 200));

        // When readers read and authors write, for a fixed time
        ExecutorService pool = Executors.newFixedThreadPool(READERS + authors.size());
        List<Future<?>> writing = authors.stream().<Future<?>>map(pool::submit).toList();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> statuses = Collections.synchronizedMap(new TreeMap<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + DURATION.toNanos();
        List<Future<?>> reading = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            int reader = r;
            reading.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                int n = reader;
                while (System.nanoTime() < deadline) {
                    RawHttp.Answer answer = platform.gateway().get(pages.get(n++ % pages.size()));
                    mine.add(answer.nanos());
                    statuses.merge(answer.status(), 1, Integer::sum);
                    if (answer.status() != 200) {
                        failures.add(pages.get((n - 1) % pages.size()) + " -> " + answer);
                    }
                }
                latencies.addAll(mine);
            }));
        }
        for (Future<?> f : reading) {
            f.get(DURATION.toSeconds() + 60, TimeUnit.SECONDS);
        }
        stop.set(true);
        for (Future<?> f : writing) {
            f.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
        authors.forEach(Author::rethrow);

        // Then no reader got an error, and the p99 stayed bounded
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long total = sorted.size();
        long errors = statuses.entrySet().stream().filter(e -> e.getKey() != 200).mapToLong(Map.Entry::getValue).sum();
        double p50 = sorted.get((int) (total * 0.50)) / 1e6;
        double p99 = sorted.get((int) Math.min(total - 1, total * 0.99)) / 1e6;
        double max = sorted.get((int) total - 1) / 1e6;
        long writes = authors.stream().mapToLong(Author::acknowledged).sum();
        long writeAttempts = authors.stream().mapToLong(a -> a.attempts().size()).sum();
        System.out.printf("[reliability] load: %d s, %d readers over %d pages and %d authors, on loopback: %d reads (%.0f/s), "
                        + "statuses %s, error rate %.4f %%; read latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d writes acknowledged "
                        + "of %d (%.1f/s)%n", DURATION.toSeconds(), READERS, pages.size(), authors.size(), total,
                total / (double) DURATION.toSeconds(), statuses, 100.0 * errors / total, p50, p99, max, writes, writeAttempts,
                writes / (double) DURATION.toSeconds());
        assertThat(errors).as("reads that did not get 200: %s %s", statuses, failures).isZero();
        assertThat(p99).as("p99 in ms").isLessThan(P99_BOUND_MILLIS);
        assertThat(writes).as("writes acknowledged while the readers read").isGreaterThan(0);
        assertThat(writeAttempts - writes).as("writes not acknowledged").isZero();
    }
}
