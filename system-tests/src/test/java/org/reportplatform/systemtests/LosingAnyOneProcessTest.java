package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.reportplatform.platform.testing.RunConfiguration;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.Topics;
import org.reportplatform.systemtests.benchmarks.LiveStream;
import org.reportplatform.systemtests.benchmarks.Nginx;

/**
 * The platform scaled out as docker-compose deploys it, as processes on this machine: three Kafka
 * nodes (every partition on three, two in sync at least), an active content-service and its
 * standby, figures-service, two render instances sharing the outputs, and two gateways behind
 * nginx with the balancer's own configuration ({@code deploy/load-balancer/gateways.conf}).
 *
 * <p>Under a stream of edits (a chapter and the key figure it shows) and reads (the chapter's page),
 * all through the balancer, one process of each kind is killed (SIGKILL: nothing handed over,
 * nothing flushed), one after the other: the Kafka node leading the chapter's partition and
 * coordinating content-service's transactions (then started again), the render instance that
 * publishes the chapter's page, the active content-service, and a gateway (then started again).
 * Nothing acknowledged is lost, no revision forks, every refusal says when to retry, every read
 * through the balancer is answered, the report converges to its full render, and each take-over's
 * time is printed. The platform is this class's own: killing its processes is what it tests.
 */
// First of the system tests (junit-platform.properties): the shared platforms other classes start stay up until the end
// of the run, on the same cores, and would time this class's take-overs on a machine busier than any deployment.
@Order(1)
class LosingAnyOneProcessTest {

    private static final String EDITION = "2098";
    private static final String FIGURE = "perte.f1";
    private static final int BETWEEN_STEPS = 10;
    private static final String RENDER_INSTANCE_HEADER = "report-render-instance";
    private static final Pattern CHAPTER_VERSION = Pattern.compile("Version (\\d+) du chapitre");
    private static final Pattern SERVED_REQUESTS = Pattern.compile("(?m)^http_server_requests_seconds_count\\{[^}]*} ([0-9.E]+)$");

    private static KafkaCluster cluster;
    private static Platform platform;
    private static Nginx balancer;
    private static RawHttp throughBalancer;
    private static TopicLog topics;

    @BeforeAll
    static void scaledOut() {
        Path logs = RunConfiguration.root().resolve("system-tests/target/service-logs/scale-out-" + System.currentTimeMillis());
        long starting = System.nanoTime();
        cluster = KafkaCluster.start(logs.resolve("kafka"));
        platform = Platform.start(cluster.bootstrapServers(), Platform.Instances.SCALED_OUT, KafkaCluster.serviceEnvironment(), logs);
        balancer = Nginx.balance(List.of(platform.service("gateway").port(), platform.service("gateway-2").port()), logs);
        throughBalancer = new RawHttp(balancer.url());
        topics = new TopicLog(cluster.bootstrapServers());
        System.out.printf("[scale-out] three Kafka nodes, %s and nginx started in %.1f s; logs in %s%n",
                platform.services().keySet().stream().sorted().toList(), (System.nanoTime() - starting) / 1e9, logs);
    }

    @AfterAll
    static void stop() {
        if (balancer != null) {
            balancer.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void killing_a_kafka_node_a_render_instance_the_active_writer_and_a_gateway_in_turn_loses_no_write_and_no_read() throws Exception {
        ReportApi api = new ReportApi(throughBalancer);
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
        String page = "/" + EDITION + "/" + edited;
        await("the chapter served").atMost(Duration.ofSeconds(60)).until(() -> throughBalancer.get(page).status() == 200);
        // and that partition and the transaction log on the three nodes
        assertThat(cluster.inSyncReplicas(Topics.CHAPTERS.name(), chapterPartition)).containsExactly(1, 2, 3);
        assertThat(cluster.inSyncReplicas("__transaction_state", 0)).containsExactly(1, 2, 3);

        // and, all the time, an author editing the chapter and its figure and two readers reading the page, through the balancer
        AtomicBoolean stop = new AtomicBoolean();
        List<Author> authors = Author.chapterAndItsFigure(api, EDITION, edited, FIGURE, stop::get);
        Author chapterAuthor = authors.get(0);
        List<PageReader> readers = List.of(new PageReader(throughBalancer, page, stop::get), new PageReader(throughBalancer, page, stop::get));
        LongSupplier reads = () -> readers.stream().mapToLong(r -> r.statuses().values().stream().mapToLong(Long::longValue).sum()).sum();
        ExecutorService pool = Executors.newFixedThreadPool(authors.size() + readers.size());
        Map<String, String> takeOvers = new java.util.LinkedHashMap<>();
        // When the gateway was killed: from just before the signal to just after it
        long[] gatewayKill = {Long.MAX_VALUE, Long.MIN_VALUE};
        try {
            long writingFrom = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            authors.forEach(author -> running.add(pool.submit(author)));
            readers.forEach(reader -> running.add(pool.submit(reader)));
            awaitAcknowledgedSince(authors, writingFrom, "before the first kill");

            // When the Kafka node leading the chapter's partition (and coordinating content-service's transactions) is killed
            int node = cluster.leaderOf(Topics.CHAPTERS.name(), chapterPartition);
            int controller = cluster.activeController();
            cluster.node(node).kill();
            long nodeKilled = System.nanoTime();
            // Then writes are acknowledged again without it, another node leading the partition and the transactions
            long writesBack = awaitAcknowledgedSince(authors, nodeKilled, "after the Kafka node's kill");
            assertThat(cluster.leaderOf(Topics.CHAPTERS.name(), chapterPartition)).isNotEqualTo(node);
            assertThat(cluster.transactionCoordinatorOf("content-service-0")).isNotEqualTo(node);
            // and, started again, it is back among the partition's in-sync replicas
            cluster.node(node).launch();
            long nodeStarted = System.nanoTime();
            cluster.node(node).awaitAcceptingConnections(Duration.ofMinutes(3));
            long nodeAccepting = System.nanoTime();
            await("node " + node + " back among the in-sync replicas").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> cluster.inSyncReplicas(Topics.CHAPTERS.name(), chapterPartition).contains(node));
            takeOvers.put("Kafka node " + node + " (controller: node " + controller + ")", String.format(
                    "writes acknowledged again %d ms after the kill; restarted, accepting connections after %d ms, in sync after %d ms",
                    writesBack, millis(nodeStarted, nodeAccepting), millis(nodeStarted, System.nanoTime())));

            // When the render instance publishing the chapter's page is killed
            String renderVictim = publisherOf(page);
            String renderSurvivor = renderVictim.equals("a") ? "b" : "a";
            platform.service(renderService(renderVictim)).kill();
            long renderKilled = System.nanoTime();
            // Then the other one publishes the page of the edits made since
            long pageServed = awaitServedSince(chapterAuthor, page, renderKilled);
            assertThat(publisherOf(page)).isEqualTo(renderSurvivor);
            // and the operators' dashboard shows the killed instance unreachable, the other up
            await("the dashboard showing render instance " + renderVictim + " unreachable").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                        String pipeline = throughBalancer.get("/api/ops/pipeline", "demo-operator").body();
                        assertThat(stateOnDashboard(pipeline, renderVictim)).isEqualTo("UNREACHABLE");
                        assertThat(stateOnDashboard(pipeline, renderSurvivor)).isEqualTo("UP");
                    });
            takeOvers.put("render instance " + renderVictim, String.format(
                    "the page of an edit made after the kill served %d ms after it, published by instance %s", pageServed, renderSurvivor));

            // When the active content-service is killed
            ServiceProcess active = platform.service("content-service");
            ServiceProcess standby = platform.service("content-service-2");
            assertThat(List.of(writerRole(active), writerRole(standby))).containsExactly("active", "standby");
            active.kill();
            long writerKilled = System.nanoTime();
            // Then the standby takes the chapter's edits within 10 s
            long editsBack = awaitAcknowledgedSince(List.of(chapterAuthor), writerKilled, "after the active writer's kill");
            assertThat(writerRole(standby)).isEqualTo("active");
            assertThat(editsBack).as("ms from the writer's kill to an edit acknowledged by the standby").isLessThan(10_000);
            takeOvers.put("active content-service", String.format("edits acknowledged by the standby %d ms after the kill", editsBack));

            // When a gateway is killed, 500 reads go through the balancer, and it is started again
            ServiceProcess gateway = platform.service("gateway-2");
            assertThat(servedRequests(gateway)).as("requests gateway-2 served before the kill").isGreaterThan(0);
            gatewayKill[0] = System.nanoTime();
            gateway.kill();
            long gatewayKilled = System.nanoTime();
            gatewayKill[1] = gatewayKilled;
            long readsAtKill = reads.getAsLong();
            await("500 reads after the gateway's kill").atMost(Duration.ofSeconds(60)).until(() -> reads.getAsLong() >= readsAtKill + 500);
            long gatewayStarted = System.nanoTime();
            gateway.restart(Duration.ofMinutes(3));
            long gatewayReady = System.nanoTime();
            double servedWhenReady = servedRequests(gateway);
            // Then it gets its share of the requests again
            await("the restarted gateway serving through the balancer").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> servedRequests(gateway) > servedWhenReady + 50);
            takeOvers.put("gateway-2", String.format("%d reads through the balancer while it was down; restarted %d ms after the kill, "
                            + "ready %d ms later, serving through the balancer again %d ms after that",
                    reads.getAsLong() - readsAtKill, millis(gatewayKilled, gatewayStarted), millis(gatewayStarted, gatewayReady),
                    millis(gatewayReady, System.nanoTime())));
            awaitAcknowledgedSince(authors, System.nanoTime(), "at the end");
            stop.set(true);
            for (Future<?> task : running) {
                task.get(1, TimeUnit.MINUTES);
            }
            authors.forEach(Author::rethrow);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }

        // Then every acknowledged write is in the log once, no refused one is, revisions 1, 2, 3... (none forked)
        WriteAudit audit = WriteAudit.of(authors, topics);
        assertThat(audit.problems()).isEmpty();
        // and every answer that was not a success was a 503 that says when to retry (or a 412 after a write whose outcome was
        // open); only a write on its way through the killed gateway at the kill has no answer (SIGKILL cuts the connection
        // nginx was reading it from: its outcome is open, and the audit above holds it to "in the log once or not at all")
        List<Author.Attempt> notAcknowledged = authors.stream().flatMap(a -> a.attempts().stream()).filter(a -> !a.acknowledged()).toList();
        assertThat(notAcknowledged).allSatisfy(a -> assertThat(a.status() == 412 || (a.status() == 503 && a.saysWhenToRetry())
                        || (a.status() == 0 && a.outcomeUnknown() && a.sentAt() <= gatewayKill[1] && a.answeredAt() >= gatewayKill[0]))
                .as("attempt %d: %s", a.number(), a).isTrue());
        // and every read through the balancer was answered, all along
        assertThat(readers).allSatisfy(reader -> assertThat(reader.statuses().keySet()).as("statuses of the reads").containsOnly(200));
        // and the page shows the last acknowledged text and figure
        await("the last acknowledged state served").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(throughBalancer.get(page).body())
                        .contains("Version " + chapterAuthor.lastAcknowledged() + " du chapitre " + edited)
                        .contains(FIGURE + " vaut " + authors.get(1).lastAcknowledged() + " cas"));
        // and the report converges to its full render: the PDF is built from the final revisions, and a full rebuild publishes nothing
        Map<String, Long> finalRevisions = Map.of("chapter:" + chapterAuthor.key(), ReportApi.revision(api.chapter(EDITION, edited)),
                "indicator:" + authors.get(1).key(), ReportApi.revision(api.indicator(EDITION, FIGURE)));
        await("the PDF rendered from the final revisions").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    RenderedOutput pdf = topics.lastOutputs(Topics.DOCUMENTS.name()).get("/" + EDITION + "/report.pdf");
                    return pdf != null && finalRevisions.entrySet().stream()
                            .allMatch(e -> e.getValue().equals(pdf.getSourceRevisions().get(e.getKey())));
                });
        RawHttp.Answer rebuild = throughBalancer.send("POST", "/api/ops/rebuild", Map.of("Authorization", "Bearer demo-operator"), null);
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(200);
        int rendered = JsonPath.read(rebuild.body(), "$.rendered");
        assertThat((int) JsonPath.read(rebuild.body(), "$.published")).as("outputs a full render found different: %s", rebuild.body()).isZero();
        assertThat((int) JsonPath.read(rebuild.body(), "$.deleted")).as(rebuild.body()).isZero();
        // and every page of the edition is served with the bytes of the last record of its path
        Map<String, RenderedOutput> pages = topics.lastOutputs(Topics.PAGES.name());
        List<String> editionPages = pages.keySet().stream().filter(p -> p.startsWith("/" + EDITION + "/") && pages.get(p) != null).toList();
        assertThat(editionPages).contains(page);
        assertThat(editionPages).allSatisfy(p -> assertThat(throughBalancer.get(p).header("etag")).as(p).contains(pages.get(p).getSha256()));

        System.out.printf("[scale-out] %s; %d reads through the balancer, statuses %s (slowest %d ms); full rebuild: %d outputs "
                        + "rendered, none different; %d pages of the edition served as last published%n",
                audit.figures(), reads.getAsLong(), readers.stream().map(PageReader::statuses).toList(),
                readers.stream().mapToLong(PageReader::slowestMillis).max().orElse(0), rendered, editionPages.size());
        takeOvers.forEach((killed, figures) -> System.out.printf("[scale-out] killed %s: %s%n", killed, figures));
    }

    @Test
    void a_person_signed_in_on_one_gateway_is_signed_in_on_the_other_and_through_the_balancer() {
        // Given a person who signed in on the first gateway
        GatewaySession signedIn = GatewaySession.signIn(new RawHttp(platform.gatewayUrl()), "femmes@example.org",
                SharedPlatform.DEMO_PASSWORD);

        // When they call the second one directly, and the balancer (which alternates) four times
        RawHttp.Answer onTheOther = new RawHttp(platform.service("gateway-2").url()).send("GET", "/api/me", signedIn.headers(), null);
        List<RawHttp.Answer> throughIt = IntStream.range(0, 4)
                .mapToObj(i -> throughBalancer.send("GET", "/api/me", signedIn.headers(), null)).toList();

        // Then every answer knows them
        assertThat(onTheOther.status()).as(onTheOther.toString()).isEqualTo(200);
        assertThat(onTheOther.body()).contains("femmes@example.org");
        assertThat(throughIt).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.body()).contains("femmes@example.org");
        });
        // and signing in through the balancer (the form and its post may reach different gateways) works too
        GatewaySession throughTheBalancer = GatewaySession.signIn(throughBalancer, "enfants@example.org", SharedPlatform.DEMO_PASSWORD);
        assertThat(throughBalancer.send("GET", "/api/me", throughTheBalancer.headers(), null).body()).contains("enfants@example.org");
    }

    @Test
    void the_live_stream_passes_the_balancer_as_it_comes() {
        // Given the web team's live stream opened through the balancer
        try (LiveStream live = LiveStream.open(balancer.url(), "demo-webteam")) {
            int from = live.mark();

            // When a chapter is created
            RawHttp.Answer created = new ReportApi(throughBalancer).createChapter(EDITION, "en-direct", "enfants", "En direct",
                    Author.chapterBody("en-direct", 0, List.of()));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);

            // Then its page's notice comes through nginx (not held in a buffer)
            LiveStream.Notice notice = live.await(from, n -> n.path().equals("/" + EDITION + "/en-direct")
                    && n.builtFrom("chapter:" + EDITION + "/en-direct", 1), Duration.ofSeconds(60));
            assertThat(notice.path()).isEqualTo("/" + EDITION + "/en-direct");
        }
    }

    /**
     * Waits until each author has had {@link #BETWEEN_STEPS} writes, sent after {@code since},
     * acknowledged; returns the ms from {@code since} to the answer of the first of them (a
     * take-over's time: authors write all the time, so the first one sent after a kill waits for it).
     */
    private static long awaitAcknowledgedSince(List<Author> authors, long since, String when) {
        await(BETWEEN_STEPS + " writes of each author acknowledged " + when).atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50)).until(() -> authors.stream().allMatch(author -> author.attempts().stream()
                        .filter(a -> a.acknowledged() && a.sentAt() > since).count() >= BETWEEN_STEPS));
        return authors.stream().flatMap(a -> a.attempts().stream()).filter(a -> a.acknowledged() && a.sentAt() > since)
                .mapToLong(a -> millis(since, a.answeredAt())).min().orElseThrow();
    }

    /** Waits until the page shows an edit of {@code author} sent after {@code since}; returns the ms from {@code since}. */
    private static long awaitServedSince(Author author, String page, long since) {
        await("the page of an edit made after " + since + " served").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    long firstAfter = author.attempts().stream().filter(a -> a.acknowledged() && a.sentAt() > since)
                            .mapToLong(Author.Attempt::number).min().orElse(Long.MAX_VALUE);
                    Matcher shown = CHAPTER_VERSION.matcher(throughBalancer.get(page).body());
                    return shown.find() && Long.parseLong(shown.group(1)) >= firstAfter;
                });
        return millis(since, System.nanoTime());
    }

    /** The render instance ({@code a} or {@code b}) that published the page's last record. */
    private static String publisherOf(String page) {
        List<TopicLog.Entry> records = topics.records(Topics.PAGES.name()).stream().filter(r -> r.key().equals(page)).toList();
        String instance = records.get(records.size() - 1).headers().get(RENDER_INSTANCE_HEADER);
        assertThat(instance).as("the instance that published %s", page).isIn("a", "b");
        return instance;
    }

    /** The platform's process of render instance {@code a} or {@code b}. */
    private static String renderService(String instance) {
        return Platform.instanceName("render-service", Platform.renderInstanceNumber(instance));
    }

    /** The state the operators' dashboard gives render instance {@code a} or {@code b} (the gateway numbers instances from 1). */
    private static String stateOnDashboard(String pipeline, String instance) {
        List<String> states = JsonPath.read(pipeline, "$.services[?(@.name == 'render-service " + Platform.renderInstanceNumber(instance) + "')].state");
        assertThat(states).as(pipeline).hasSize(1);
        return states.get(0);
    }

    /** The writer role its health shows: {@code active} or {@code standby}. */
    private static String writerRole(ServiceProcess service) {
        RawHttp.Answer health = new RawHttp(service.url()).get("/actuator/health/writer");
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        return health.body().contains("\"role\":\"active\"") ? "active" : health.body().contains("\"role\":\"standby\"") ? "standby"
                : health.body();
    }

    /** How many HTTP requests the gateway served so far (its Micrometer timer, all URIs), or -1 when it does not answer. */
    private static double servedRequests(ServiceProcess gateway) {
        RawHttp.Answer metrics = new RawHttp(gateway.url()).get("/actuator/prometheus", "demo-operator");
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

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }
}
