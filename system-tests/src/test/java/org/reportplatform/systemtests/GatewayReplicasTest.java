package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reportplatform.systemtests.benchmarks.LiveStream;
import org.reportplatform.systemtests.benchmarks.Nginx;

/**
 * Two gateway replicas behind the load balancer docker-compose deploys (nginx with
 * {@code deploy/load-balancer/gateways.conf}): each replica is complete, so a person signed in on
 * one is signed in on the other, the live stream passes the balancer, and a replica killed
 * (SIGKILL) under reads and edits costs no read: the balancer sends the requests the dead replica
 * cannot take to the other one, and the replica restarted gets its share again.
 */
@ExtendWith(SharedPlatform.class)
class GatewayReplicasTest {

    private static final String EDITION = "2089";
    private static final String SLUG = "repliques";
    private static final Pattern SERVED_REQUESTS = Pattern.compile("(?m)^http_server_requests_seconds_count\\{[^}]*} ([0-9.E]+)$");

    private static final SharedPlatform.Running platform = SharedPlatform.get();
    private static ServiceProcess second;
    private static Nginx balancer;
    private static RawHttp throughBalancer;

    @BeforeAll
    static void twoReplicasBehindTheBalancer() {
        second = platform.platform().startReplica("gateway", "gateway-2", Duration.ofMinutes(3));
        balancer = Nginx.balance(List.of(platform.service("gateway").port(), second.port()), platform.logs());
        throughBalancer = new RawHttp(balancer.url());
        assertThat(new ReportApi(throughBalancer).createChapter(EDITION, SLUG, "enfants", "Chapitre " + SLUG,
                Author.chapterBody(SLUG, 0, List.of())).status()).isEqualTo(201);
        await("the chapter served").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> throughBalancer.get(page()).status() == 200);
    }

    @AfterAll
    static void stopTheSecondReplica() {
        if (balancer != null) {
            balancer.close();
        }
        if (second != null) {
            second.close();
        }
    }

    private static String page() {
        return "/" + EDITION + "/" + SLUG;
    }

    @Test
    void a_person_signed_in_on_one_replica_is_signed_in_on_the_other_and_through_the_balancer() {
        // Given a person who signed in on the first replica
        GatewaySession signedIn = platform.session("femmes");

        // When they call the second replica directly, and the balancer (which alternates) four times
        RawHttp.Answer onTheOther = new RawHttp(second.url()).send("GET", "/api/me", signedIn.headers(), null);
        List<RawHttp.Answer> throughIt = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> throughBalancer.send("GET", "/api/me", signedIn.headers(), null)).toList();

        // Then every answer knows them
        assertThat(onTheOther.status()).as(onTheOther.toString()).isEqualTo(200);
        assertThat(onTheOther.body()).contains("femmes@example.org");
        assertThat(throughIt).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.body()).contains("femmes@example.org");
        });
        // and signing in through the balancer (form and post may reach different replicas) works too
        GatewaySession throughTheBalancer = GatewaySession.signIn(throughBalancer, "enfants@example.org", SharedPlatform.DEMO_PASSWORD);
        assertThat(throughBalancer.send("GET", "/api/me", throughTheBalancer.headers(), null).body()).contains("enfants@example.org");
    }

    @Test
    void a_replica_killed_under_reads_and_edits_costs_no_read_and_gets_its_share_again_once_restarted() throws Exception {
        // Given readers of the chapter's page and an author editing it, all through the balancer
        AtomicBoolean stop = new AtomicBoolean();
        List<PageReader> readers = List.of(new PageReader(throughBalancer, page(), stop::get), new PageReader(throughBalancer, page(), stop::get));
        LongSupplier reads = () -> readers.stream().mapToLong(r -> r.statuses().values().stream().mapToLong(Long::longValue).sum()).sum();
        Author author = new Author(new ReportApi(throughBalancer), Author.Kind.CHAPTER, EDITION, SLUG, "demo-enfants", Integer.MAX_VALUE,
                1_000, stop::get);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> running = List.of(pool.submit(readers.get(0)), pool.submit(readers.get(1)), pool.submit(author));
        await("reads and edits under way").atMost(Duration.ofSeconds(60)).until(() -> reads.getAsLong() >= 200 && author.acknowledged() >= 5);

        // When the second replica is killed, 500 more reads go through, and it is started again
        double servedBeforeKill = servedRequests(second);
        second.kill();
        long killedAt = System.nanoTime();
        long readsAtKill = reads.getAsLong();
        await("500 reads after the kill").atMost(Duration.ofSeconds(60)).until(() -> reads.getAsLong() >= readsAtKill + 500);
        long restartedAt = System.nanoTime();
        second.restart(Duration.ofMinutes(3));
        long readyAt = System.nanoTime();
        double servedAfterRestart = servedRequests(second);
        await("the restarted replica serving through the balancer again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> servedRequests(second) > servedAfterRestart + 50);
        long servingAgainAt = System.nanoTime();
        long acknowledgedAtEnd = author.acknowledged();
        await("edits acknowledged after the restart").atMost(Duration.ofSeconds(60)).until(() -> author.acknowledged() >= acknowledgedAtEnd + 5);
        stop.set(true);
        for (Future<?> task : running) {
            task.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
        author.rethrow();

        // Then no read failed, before, during or after
        assertThat(readers).allSatisfy(reader -> assertThat(reader.statuses().keySet()).as("statuses of the reads through the balancer")
                .containsExactly(200));
        assertThat(servedBeforeKill).as("the second replica served its share before the kill").isGreaterThan(0);
        // and every acknowledged edit is in the log once, in consecutive revisions, and the last one is served
        WriteAudit audit = WriteAudit.of(List.of(author), platform.topics());
        assertThat(audit.problems()).isEmpty();
        await("the last acknowledged edit served").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> throughBalancer.get(page()).body().contains("Version " + author.lastAcknowledged() + " du chapitre " + SLUG));
        long edits = author.attempts().size();
        long editsNotAcknowledged = author.attempts().stream().filter(a -> !a.acknowledged()).count();
        System.out.printf("[reliability] gateway replicas: %d reads through nginx, statuses %s; %d edits, %d not acknowledged "
                        + "(%s); replica 2 SIGKILLed, restarted %d ms later, ready in %d ms, serving through the balancer %d ms after ready%n",
                reads.getAsLong(), readers.stream().map(PageReader::statuses).toList(), edits, editsNotAcknowledged, audit, (restartedAt - killedAt) / 1_000_000,
                (readyAt - restartedAt) / 1_000_000, (servingAgainAt - readyAt) / 1_000_000);
    }

    @Test
    void the_live_stream_passes_the_balancer_as_it_comes() {
        // Given the web team's live stream opened through the balancer
        try (LiveStream live = LiveStream.open(balancer.url(), "demo-webteam")) {
            int from = live.mark();
            long revision = ReportApi.revision(new ReportApi(throughBalancer).chapter(EDITION, SLUG));

            // When the chapter is edited
            RawHttp.Answer edit = new ReportApi(throughBalancer).updateChapter(EDITION, SLUG, "demo-enfants", revision,
                    "Chapitre " + SLUG, Author.chapterBody(SLUG, 99_999, List.of()));
            assertThat(edit.status()).as(edit.toString()).isEqualTo(200);

            // Then its page's notice comes through nginx (not held in a buffer)
            LiveStream.Notice notice = live.await(from, n -> n.path().equals(page())
                    && n.builtFrom("chapter:" + EDITION + "/" + SLUG, ReportApi.revision(edit)), Duration.ofSeconds(60));
            assertThat(notice.path()).isEqualTo(page());
        }
    }

    /** How many HTTP requests the replica served so far (its Micrometer timer, all URIs). */
    private static double servedRequests(ServiceProcess replica) {
        RawHttp.Answer metrics = new RawHttp(replica.url()).get("/actuator/prometheus", "demo-operator");
        if (metrics.status() != 200) {
            return -1;
        }
        Matcher m = SERVED_REQUESTS.matcher(metrics.body());
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
