package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.reportplatform.platform.testing.RunConfiguration;
import org.reportplatform.schemas.Topics;

/**
 * Broker loss: the platform on a three-node Kafka cluster (every topic on three nodes, two in
 * sync at least), one instance of each service. While an author edits a chapter and its key
 * figure through the gateway and a reader reads the chapter's page, the node leading the
 * chapter's partition is killed (SIGKILL: no leadership handed over, nothing flushed), and later
 * started again on its ports and log folder. The chapter is one whose partition that node leads
 * together with content-service's transactions (it is their coordinator): the kill moves both.
 * Nothing acknowledged is lost, no revision forks, every refusal is a 503 that says when to
 * retry, every read is answered, and no service was restarted by anyone. The cluster is this
 * class's own: a node's death is what it tests.
 */
class BrokerLossTest {

    private static final String EDITION = "2098";
    private static final String FIGURE = "perte.f1";
    private static final int BETWEEN_STEPS = 10;

    @Test
    void losingTheNodeThatLeadsTheEditedChapterLosesNoAcknowledgedWriteAndNoRead() throws Exception {
        Path logs = RunConfiguration.root().resolve("system-tests/target/service-logs/broker-loss-" + System.currentTimeMillis());
        long starting = System.nanoTime();
        try (KafkaCluster cluster = KafkaCluster.start(logs.resolve("kafka"));
                Platform platform = Platform.start(cluster.bootstrapServers(), false, Platform.TEST_JVM, KafkaCluster.serviceEnvironment(),
                        logs)) {
            System.out.printf("[cluster] three Kafka nodes and the four services started in %.1f s: %s, logs in %s%n",
                    (System.nanoTime() - starting) / 1e9, cluster.bootstrapServers(), logs);
            RawHttp gateway = new RawHttp(platform.gatewayUrl());
            ReportApi api = new ReportApi(gateway);
            TopicLog topics = new TopicLog(cluster.bootstrapServers());

            // Given a chapter showing a key figure, on a partition led by the node that coordinates content-service's transactions
            assertThat(api.createIndicator(EDITION, FIGURE, "enfants", 0).status()).isEqualTo(201);
            int coordinator = cluster.transactionCoordinatorOf("content-service-0");
            String slug = null;
            int partition = -1;
            for (int i = 1; slug == null; i++) {
                assertThat(i).as("chapters created to find one on a partition node %d leads", coordinator).isLessThanOrEqualTo(20);
                String candidate = "perte-" + i;
                assertThat(api.createChapter(EDITION, candidate, "enfants", "Chapitre " + candidate,
                        Author.chapterBody(candidate, 0, List.of(FIGURE))).status()).isEqualTo(201);
                int at = topics.records(Topics.CHAPTERS.name()).stream().filter(e -> (EDITION + "/" + candidate).equals(e.key()))
                        .findFirst().orElseThrow().partition();
                if (cluster.leaderOf(Topics.CHAPTERS.name(), at) == coordinator) {
                    slug = candidate;
                    partition = at;
                }
            }
            String edited = slug;
            int chapterPartition = partition;
            String page = "/" + EDITION + "/" + slug;
            await("the chapter served").atMost(Duration.ofSeconds(60)).until(() -> gateway.get(page).status() == 200);

            // and that partition and the transaction log replicated to the three nodes
            assertThat(cluster.inSyncReplicas(Topics.CHAPTERS.name(), chapterPartition)).containsExactly(1, 2, 3);
            assertThat(cluster.inSyncReplicas("__transaction_state", 0)).containsExactly(1, 2, 3);

            // and an author editing the chapter and its figure, and a reader reading the page, all the time
            AtomicBoolean stop = new AtomicBoolean();
            List<Author> authors = Author.chapterAndItsFigure(api, EDITION, slug, FIGURE, stop::get);
            PageReader reader = new PageReader(gateway, page, stop::get);
            ExecutorService pool = Executors.newFixedThreadPool(authors.size() + 1);
            try {
                long writingFrom = System.nanoTime();
                List<Future<?>> writing = authors.stream().<Future<?>>map(pool::submit).toList();
                Future<?> reading = pool.submit(reader);
                awaitAcknowledgedSince(authors, writingFrom, "before the kill");

                // When the node leading the chapter's partition (and coordinating content-service's transactions) is killed
                int victim = cluster.leaderOf(Topics.CHAPTERS.name(), chapterPartition);
                int controller = cluster.activeController();
                cluster.node(victim).kill();
                long killed = System.nanoTime();

                // Then writes are acknowledged again without it, another node leading the partition
                awaitAcknowledgedSince(authors, killed, "after the kill");
                int newLeader = cluster.leaderOf(Topics.CHAPTERS.name(), chapterPartition);
                assertThat(newLeader).isNotEqualTo(victim);
                assertThat(cluster.transactionCoordinatorOf("content-service-0")).isNotEqualTo(victim);

                // When it is started again, and back in sync
                cluster.node(victim).start();
                long restarted = System.nanoTime();
                await("node " + victim + " back among the in-sync replicas").atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                        .until(() -> cluster.inSyncReplicas(Topics.CHAPTERS.name(), chapterPartition).contains(victim));
                long inSyncMillis = (System.nanoTime() - restarted) / 1_000_000;
                awaitAcknowledgedSince(authors, System.nanoTime(), "after the restart");
                stop.set(true);
                for (Future<?> f : writing) {
                    f.get(1, TimeUnit.MINUTES);
                }
                reading.get(1, TimeUnit.MINUTES);
                authors.forEach(Author::rethrow);

                // Then every acknowledged write is in the log once, no refused one is, revisions 1, 2, 3... (none forked)
                WriteAudit audit = WriteAudit.of(authors, topics);
                assertThat(audit.problems()).isEmpty();

                // and every answer that was not a success was a 503 that says when to retry (or a 412 after a write whose outcome was open)
                List<Author.Attempt> notAcknowledged = authors.stream().flatMap(a -> a.attempts().stream())
                        .filter(a -> !a.acknowledged()).toList();
                assertThat(notAcknowledged).allSatisfy(a -> assertThat(a.status() == 412 || (a.status() == 503 && a.saysWhenToRetry()))
                        .as("attempt %d: %s", a.number(), a).isTrue());

                // and the page shows the last acknowledged text and figure: the render service went on by itself
                await("the last acknowledged state served").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                        .untilAsserted(() -> assertThat(gateway.get(page).body())
                                .contains("Version " + authors.get(0).lastAcknowledged() + " du chapitre " + edited)
                                .contains(FIGURE + " vaut " + authors.get(1).lastAcknowledged() + " cas"));
                assertThat(platform.services().values()).allSatisfy(s -> assertThat(s.isAlive()).as(s.name()).isTrue());

                // and the gateway answered every read, all along
                assertThat(reader.statuses().keySet()).as("statuses the reader got").containsOnly(200);

                List<Author.Attempt> afterKill = authors.stream().flatMap(a -> a.attempts().stream())
                        .filter(a -> a.answeredAt() > killed).toList();
                long writesBackMillis = authors.stream().flatMap(a -> a.attempts().stream())
                        .filter(a -> a.acknowledged() && a.sentAt() > killed).mapToLong(a -> a.answeredAt() - killed).min()
                        .orElseThrow() / 1_000_000;
                long slowestAfterKill = afterKill.stream().mapToLong(Author.Attempt::millis).max().orElse(0);
                long refusedAfterKill = afterKill.stream().filter(a -> !a.acknowledged()).count();
                System.out.printf("[cluster] broker loss: killed node %d (leader of %s-%d and content-service's transaction coordinator; "
                                + "active controller: node %d), node %d leads the partition now; first write sent after the kill "
                                + "acknowledged %d ms after it; %d answers not 2xx after the kill, slowest answer %d ms; node %d back in "
                                + "sync %d ms after its start; %s; reader got %s (slowest %d ms)%n",
                        victim, Topics.CHAPTERS.name(), chapterPartition, controller, newLeader, writesBackMillis, refusedAfterKill,
                        slowestAfterKill, victim, inSyncMillis, audit.figures(), reader.statuses(), reader.slowestMillis());
            } finally {
                stop.set(true);
                pool.shutdownNow();
            }
        }
    }

    /** Waits until each author has had {@link #BETWEEN_STEPS} writes, sent after {@code since}, acknowledged. */
    private static void awaitAcknowledgedSince(List<Author> authors, long since, String when) {
        await(BETWEEN_STEPS + " writes of each author acknowledged " + when).atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50)).until(() -> authors.stream().allMatch(author -> author.attempts().stream()
                        .filter(a -> a.acknowledged() && a.sentAt() > since).count() >= BETWEEN_STEPS));
    }
}
